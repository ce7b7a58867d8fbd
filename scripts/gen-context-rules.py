#!/usr/bin/env python3
"""Generate data/context.toml: ConText trigger phrases (negation, uncertainty, ...).

Run from the repository root:

    python3 scripts/gen-context-rules.py

What it does
  1. `pip download --no-deps --no-binary :all: medspacy==1.3.1` into a temporary
     directory (the sdist; medspaCy is not imported or installed) and reads
     resources/en/context_rules.json from the tarball.
  2. Maps each medspaCy rule to twitchcheck's categories and directions and turns
     spaCy token patterns into plain literals (see `expand_pattern`); clinical-only
     shorthand that cannot serve as a literal in lay text is dropped and listed in the
     output's header comment.
  3. Appends twitchcheck's own lay-language rules (LAY_RULES below, source = "twitchcheck").
  4. Writes data/context.toml and nothing else; the temporary directory is removed.

Deterministic: same medspaCy version -> byte-identical file.
"""
import itertools
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

MEDSPACY_VERSION = "1.3.1"
RULES_PATH = "resources/en/context_rules.json"
OUT = os.path.join("data", "context.toml")

CATEGORY = {
    "NEGATED_EXISTENCE": "negated",
    "POSSIBLE_EXISTENCE": "possible",
    "HYPOTHETICAL": "hypothetical",
    "HISTORICAL": "historical",
    "FAMILY": "other-person",
}
DIRECTION = {"FORWARD": "forward", "BACKWARD": "backward", "BIDIRECTIONAL": "both"}

# Clinical shorthand: an expanded literal containing one of these words is dropped
# (in lay text "ho", "pt", "neg" mean other things or never occur).
CLINICAL_TOKENS = {"pt", "hx", "hist", "ho", "neg", "poss", "r/o", "ro", "h/o"}

# Whole medspaCy rules not carried over, with the reason (keyed by the rule's literal).
DROP_RULES = {
    "family": "FAMILY rule is a bare relative word (dad, mother, son, ...). On forums the "
              "writer often asks for that person ('my dad's speech is slurred'), so a bare "
              "relative must not mark a finding as someone else's; twitchcheck's own "
              "other-person rules use past and family-history forms instead",
    "r/o": "clinical shorthand for 'rule out'",
    "ro": "clinical shorthand for 'rule out'; 'ro' is not a word in lay text",
    "h/o": "clinical shorthand for 'history of'",
}

# Literals not carried over from either source because in lay text they are part of
# how a symptom is said, not a negation or modifier of it: "I can't breathe", "he
# doesn't know where he is", "my strength is declining", "the cramps return every
# night", "when I stand up" (the tokenizer drops "was", so "when i was" would match
# every "when I"). Verb-specific negations ("don't have", "didn't get") stay.
LAY_UNSAFE = {
    "can't", "cant", "cannot", "can not", "couldn't", "couldnt", "won't", "wont",
    "haven't", "havent", "hasn't", "hasnt", "hadn't", "hadnt", "decline", "declined", "declines", "declining",
    "resolved", "return", "when i was", "test for", "checked for", "evaluate for",
    "prophylaxis", "present", "presenting", "presents", "comes in with", "secondary",
    "as needed", "come back for", "come back to", "people with", ": none", ": no",
    # "he isn't making sense", "she wasn't breathing": say the symptom.
    "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent",
    # "my back in the mornings": "back" is a body part far more often than a time.
    "back in",
    # Questions from people who have the symptom: "can you get cramps from statins?",
    # "how to prevent night cramps" ask about what they have now.
    "can you get", "could i get", "to prevent", "to avoid", "when should i",
    # Matching drops "any", "is", "were" ... as it drops them from phrases, so these
    # would negate on a bare "other" ("his other calf is swollen") or "fine" ("the
    # cramps wake me but I feel fine").
    "any other", "were fine",
}

# spaCy splits "didn't" into "did" + "n't"; rebuild the written forms.
NT_FORMS = {"can": ["can't", "cant", "cannot"], "will": ["won't", "wont"]}


def join_tokens(tokens):
    """Render a token sequence as literals (several when it contains n't)."""
    outs = [[]]
    for tok in tokens:
        if tok == "n't":
            new = []
            for o in outs:
                if not o:                   # n't with nothing before it: write "not"
                    new.append(o + ["not"])
                    continue
                prev = o[-1]
                for form in NT_FORMS.get(prev, [prev + "n't", prev + "nt"]):
                    new.append(o[:-1] + [form])
            outs = new
        else:
            outs = [o + [tok] for o in outs]
    return [" ".join(o) for o in outs]


def expand_pattern(pattern):
    """spaCy token pattern -> (literals, dropped). Supports LOWER str / LOWER IN list,
    OP '?' (optional). Anything else raises, so a new rule shape is noticed."""
    choices = []
    for spec in pattern:
        if set(spec) - {"LOWER", "OP"}:
            raise ValueError(f"unsupported token spec {spec}")
        low = spec["LOWER"]
        alts = low["IN"] if isinstance(low, dict) else [low]
        op = spec.get("OP")
        if op not in (None, "?"):
            raise ValueError(f"unsupported OP {op}")
        choices.append(list(alts) + ([None] if op == "?" else []))
    literals, dropped = [], []
    for combo in itertools.product(*choices):
        tokens = [t for t in combo if t is not None]
        words = " ".join(tokens).split()
        if any(w in CLINICAL_TOKENS for w in words):
            dropped.extend(join_tokens(tokens))
            continue
        literals.extend(join_tokens(tokens))
    # An expansion that contains a shorter expansion of the same rule as whole words
    # ("may rule out for" / "rule out") matches nowhere the shorter one does not.
    literals = list(dict.fromkeys(literals))
    kept = [l for l in literals
            if not any(o != l and f" {o} " in f" {l} " for o in literals)]
    return kept, dropped


# ---------------------------------------------------------------------------
# TWITCHCHECK LAY RULES (hand-written, source = "twitchcheck"): how people write on
# UK / US / Australian health forums. Each entry: (literal, direction[, of]).
# Contractions are listed with and without the apostrophe ("doesn't", "doesnt").
# ---------------------------------------------------------------------------
def both_apostrophes(items):
    out = []
    for it in items:
        lit = it[0]
        out.append(it)
        if "'" in lit:
            out.append((lit.replace("'", ""),) + tuple(it[1:]))
    return out


LAY_RULES = {
    # Look like negations but are not: the finding is present (or the phrase is not
    # about it). `of` = the category they block.
    "pseudo": both_apostrophes([
        (p, "none", "negated") for p in [
            "no idea", "no clue", "not sure why", "not sure if", "not sure whether",
            "not sure what", "no increase", "no decrease",
            "no improvement", "no better", "no relief", "no end of", "not only",
            "not just", "no wonder", "no matter", "no doubt", "nothing but",
            "don't know why", "don't know if", "don't know what", "dunno why",
            "can't tell if", "can't tell whether", "can't work out",
            # Unsure whether a sign is there: it may be, so it still counts.
            "hard to say if", "hard to say whether", "hard to tell if",
            "hard to tell whether", "difficult to say if", "difficult to tell if",
            "hard to know if", "unsure if", "unsure whether", "not certain if",
            "not certain whether", "don't know whether", "dunno if", "no idea if",
            "no idea whether", "can't be sure if",
            # The same unsureness in the past tense: "couldn't tell if I needed a
            # wee, then realised I'd leaked" is a sign now, not a "what if".
            "couldn't tell if", "couldn't tell whether", "could not tell if",
            "cannot tell if", "wasn't sure if", "wasn't sure whether",
            "didn't know if", "didn't know whether", "didn't realise if",
            # Falling off, not stopping: "came off my bike and hit my head" is an
            # injury now, not a medicine given up ("came off" is historical).
            # (my, the and a are dropped words: "came off bike" is "came off my bike")
            "came off bike", "came off motorbike", "came off scooter", "came off horse",
            "came off ladder", "came off skateboard", "came off trampoline",
            # A treatment someone else stopped: what follows is what happened since
            # ("my b12 injections were stopped and the twitching has come back").
            "were stopped", "was stopped", "got stopped", "been stopped",
            "come off bike", "come off horse",
            # Unsure when something was: "not sure when my last tetanus was" says
            # the jab may be out of date; its "not" negates nothing.
            "not sure when", "unsure when", "not certain when", "no idea when",
            "not sure how long ago", "can't remember when", "don't remember when",
            "don't know when", "dunno when",
            "can't figure out", "not stopped", "hasn't stopped", "won't stop",
            "doesn't stop", "didn't stop", "never stops", "can't stop", "cannot stop",
            "won't go away", "doesn't go away", "hasn't gone away", "not gone away",
            "not going away", "never goes away", "can't get rid of", "not helped",
            "hasn't helped", "didn't help", "doesn't help", "not helping",
            "not improved", "not getting better", "not getting any better",
            "hasn't improved", "can't sleep", "cannot sleep", "couldn't sleep",
            "isn't normal", "not normal", "never had this", "never had anything like",
            "never had it this", "never had these", "never been this bad",
            "never experienced this", "never felt this", "never felt anything like",
            "not the first time", "no reason", "for no reason", "no apparent reason",
            "no obvious reason", "not worried about", "not that worried",
            # A medicine that "has been fine for years" is still taken: "were fine"
            # (a backward negation) reads as plain "fine" once "were" is dropped.
            "has been fine",
            # "Not" that is part of the symptom: the context layer must not negate it.
            "not breathing", "not responding", "not answering", "not making sense",
            "not making any sense", "not sweating", "not waking", "not waking up",
            "not moving", "not himself", "not herself", "not myself", "not themselves",
            "not right", "not able", "not able to", "not peeing", "not weeing",
            "not passing urine", "not talking", "not speaking", "not reacting",
            "not recognising", "not recognizing", "not understanding", "not with it",
            "not all there", "not coming round", "not focusing", "not strong enough",
            "haven't been able to", "hasn't been able to", "not been able to",
            "wasn't able to", "unable to",
            # Stopping and "no longer" that say a symptom: "can no longer grip",
            # "my legs stopped working".
            "no longer able", "no longer able to", "can no longer", "could no longer",
            "stopped working", "stopped moving", "stopped responding", "stopped breathing",
            "stopped sweating", "stopped making sense", "stopped peeing", "stopped weeing",
            "stopped talking", "quit working", "gave out", "gave way",
            # "Doesn't"/"don't" that say a symptom: "he doesn't know where he is".
            "don't know", "doesn't know", "didn't know", "doesn't make sense",
            "don't make sense", "didn't make sense", "doesn't respond", "didn't respond",
            "doesn't answer", "didn't answer", "doesn't recognise", "doesn't recognize",
            "didn't recognise", "didn't recognize", "don't recognise", "don't recognize",
            "doesn't wake", "didn't wake", "doesn't remember", "don't remember",
            "didn't remember", "doesn't understand", "don't understand",
            "doesn't feel right", "don't feel right", "doesn't look right",
            "doesn't seem right", "doesn't relax", "don't relax", "didn't relax",
            "doesn't let go", "don't let go", "didn't let go",
            # "as if", "even if": a comparison, not a hypothetical.
            "as if", "even if", "as though",
            # Asking whether what is happening is normal is not a "what if": "does
            # anyone know if it's normal to get cramps and a tight chest on ramipril".
            "if it's normal", "if this is normal", "if that's normal", "if it is normal",
            "if this normal", "if it's common", "if this is common", "if that's common",
            "if it's a side effect", "if this is a side effect", "if that's a side effect",
            "if it's ok", "if this is ok", "if it's okay", "if this is okay",
            "if it's serious", "if this is serious",
            # Needing support to walk, not a negation of what follows: "can't walk
            # straight without grabbing the wall and the left side of my face is numb".
            "without grabbing", "without holding", "without holding onto",
            "without hanging onto", "without leaning", "without support",
            "without help", "without a stick", "without falling",
            # Non-native "no can" for "can't": "he no can feel legs and cannot pee".
            "no can", "no could", "no able",
            # Someone seen or heard who is not there is a hallucination, not a
            # negation: "talking to someone who wasn't there and didn't recognise me".
            "who wasn't there", "that wasn't there", "who isn't there",
            "that isn't there", "who weren't there", "that weren't there",
            "who aren't there", "that aren't there", "says aren't there",
            "say aren't there", "said weren't there", "says isn't there",
            # Not taking anything in is a sign: "he's not making eye contact".
            "not making eye contact", "isn't making eye contact",
            "won't make eye contact", "wouldn't make eye contact",
            # Pain denied only to name another feeling: "no pain as such, just a
            # heaviness in my chest" reports the heaviness; the "no" is about the word.
            *[f"{neg} {pain} {qual}"
              for neg in ["no", "not", "not a", "not really", "not really a", "not exactly",
                          "not exactly a", "isn't", "isn't a"]
              for pain in ["pain", "pains", "painful", "hurting", "ache"]
              for qual in ["as such", "exactly", "more like", "so much as"]],
            *[f"{neg} {pain}" for neg in ["not really", "not really a", "not exactly",
                                          "not exactly a", "not so much", "not so much a"]
              for pain in ["pain", "painful", "hurting", "ache"]],
        ]
    ] + [
        # Not drinking is the sign, not a negation of what follows (set 11: "elderly
        # neighbour hasn't been drinking in the heatwave, cramps, dizzy and so sleepy";
        # commit 4b767d7 put these in context.toml by hand, carried over here).
        (p, "none", "negated") for p in [
            "hasn't been drinking", "has not been drinking", "haven't been drinking",
            "have not been drinking", "not been drinking", "not drinking enough",
            "hasn't been eating or drinking",
        ]
    ] + [
        # SESSION 6 NEGATION2: hedges and pseudo-negations that AFFIRM what follows
        # ("not gonna lie my pee is brown", "can't deny the tingling is creeping up",
        # "I'm not saying it's the worst headache of my life but it came on like a
        # thunderclap", "not to be dramatic but I can't feel my legs"). The "not",
        # "deny", "don't", "without" in them negate nothing.
        (p, "none", "negated") for p in [
            *[f"{a} {b}" for a in ["not", "i'm not", "i am not", "not even"]
              for b in ["gonna lie", "going to lie", "gunna lie", "gna lie", "goin to lie",
                        "lying", "joking", "kidding", "exaggerating", "making it up",
                        "making this up", "being funny", "being dramatic",
                        "trying to be dramatic", "trying to scare", "trying to panic",
                        "trying to exaggerate", "saying", "being a drama queen"]],
            "no word of a lie", "not a word of a lie", "no lie", "no lies", "no joke",
            "no jokes", "no kidding", "no exaggeration", "without exaggeration",
            "without exaggerating", "without a word of a lie", "no bs", "no offence",
            "no offense", "won't lie", "will not lie", "can't lie",
            "can't deny", "cannot deny", "can not deny", "won't deny", "no denying",
            "there's no denying", "not denying", "i'm not denying", "hard to deny",
            "can't pretend", "cannot pretend", "won't pretend",
            "not to be dramatic", "not to sound dramatic", "not to be a drama queen",
            "not to overreact", "not to panic", "not to be a hypochondriac",
            "not to make a fuss", "not to worry anyone", "not to alarm",
            "not to exaggerate", "not wanting to overreact", "not wanting to panic",
            "not wanting to make a fuss", "not wanting to be dramatic",
            *[f"{a} {b}" for a in ["don't want to", "do not want to", "didn't want to",
                                   "don't mean to", "don't wanna"]
              for b in ["overreact", "over react", "be dramatic", "sound dramatic",
                        "panic", "alarm", "alarm anyone", "worry anyone", "make a fuss",
                        "cause a fuss", "be a drama queen", "be a hypochondriac",
                        "waste anyone's time", "waste your time", "bother anyone",
                        "exaggerate", "scare anyone", "sound silly", "be silly",
                        "bother the doctor", "waste the doctor's time"]],
            "not sure if it matters", "not sure it matters", "not sure if this matters",
            "not sure if it's relevant", "not sure it's relevant", "not sure if relevant",
            "not sure if related", "not sure if it's related", "not sure it's related",
            "don't know if it matters", "don't know if it's relevant",
            "don't know if it's related", "no idea if it matters",
            "no idea if it's related", "not sure if this is relevant",
            "not that it matters", "dunno if it matters", "dunno if relevant",
        ]
    ] + [
        # SESSION 6 NEGATION2: double negations. These run forward and cancel the
        # negation that follows in their clause ("I'd be lying if I said the calf
        # wasn't swollen" = it is swollen; "can't say it isn't numb"; "not that I
        # don't have chest pain"; "I wouldn't say I can't walk exactly, I just...").
        # A plain denial keeps its negation: "I can't say I've noticed any weakness"
        # is not one of these (no second negation).
        (p, "forward", "negated") for p in [
            *[f"{a} {b}" for a in ["lying if", "lie if", "lying to say", "a lie to say",
                                   "lying to you if", "fibbing if"]
              for b in ["i said", "i say", "i told you", "i claimed", "i pretended",
                        "said", "i said that", "i told you that"]],
            *[f"{a} {b}" for a in ["can't say", "cannot say", "couldn't say", "can't honestly say",
                                   "can't pretend", "won't pretend", "wouldn't say",
                                   "would not say", "not that", "not saying",
                                   "i'm not saying", "can't claim", "couldn't honestly say"]
              for b in ["it isn't", "it wasn't", "it's not", "it is not", "it was not",
                        "it doesn't", "it didn't", "i don't", "i didn't", "i haven't",
                        "i can't", "i cannot", "i couldn't", "i'm not", "i am not",
                        "they aren't", "they're not", "they don't", "there isn't",
                        "there's no", "there wasn't", "he isn't", "she isn't",
                        "he doesn't", "she doesn't", "he can't", "she can't",
                        "he's not", "she's not", "i've not", "i have not", "i won't"]],
        ]
    ] + [
        # What brings relief, said with "if" (forum set 9): "it only eases if I hang
        # my leg over the side of the bed" reports what happens, not a "what if".
        (f"{rel} if", "none", "hypothetical")
        for rel in ["only eases", "eases", "only better", "better", "only helps", "helps",
                    "only settles", "settles", "only goes", "goes away", "only relief is",
                    "easier", "only easier", "relieved", "only relieved"]
    ] + [
        # Falling off something is an accident, not stopping a medicine ("came off").
        (f"{verb} off {what}", "none", "historical")
        for verb in ["came", "come", "fell"]
        for what in ["my bike", "the bike", "a bike", "my horse", "the horse", "a horse",
                     "my motorbike", "my scooter", "my skateboard", "the ladder",
                     "a ladder", "the wall", "a wall", "the trampoline"]
    ]),
    "negated": both_apostrophes([
        ("haven't had", "forward"), ("have not had", "forward"),
        ("hasn't been", "forward"), ("has not been", "forward"),
        ("haven't been", "forward"), ("hasn't had", "forward"),
        ("never had", "forward"), ("never get", "forward"), ("never got", "forward"),
        ("never have", "forward"), ("never noticed", "forward"),
        ("not had", "forward"), ("not having", "forward"), ("not getting", "forward"),
        ("none of", "forward"), ("without", "forward"), ("no sign of", "forward"),
        ("no signs of", "forward"), ("free of", "forward"), ("nothing like", "forward"),
        ("doesn't", "forward"), ("does not", "forward"), ("don't have", "forward"),
        ("do not have", "forward"), ("don't get", "forward"), ("didn't have", "forward"),
        ("didn't get", "forward"), ("isn't", "forward"), ("is not", "forward"),
        ("aren't", "forward"), ("wasn't", "forward"), ("weren't", "forward"),
        ("haven't noticed", "forward"), ("have not noticed", "forward"),
        ("not noticed", "forward"), ("can't say i have", "both"),
        ("not experiencing", "forward"), ("not experienced", "forward"),
        ("not a single", "forward"), ("not any", "forward"), ("not really", "forward"),
        ("no more", "forward"), ("zero", "forward"),
        ("no problems with", "forward"), ("no issues with", "forward"),
        ("no trouble with", "forward"), ("not on any", "forward"),
        ("don't take", "forward"), ("do not take", "forward"), ("not taking", "forward"),
        ("don't drink", "forward"), ("never drink", "forward"),
        ("don't smoke", "forward"), ("never smoked", "forward"),
        ("never drank", "forward"), ("tested negative for", "forward"),
        ("came back negative", "backward"), ("came back normal", "backward"),
        ("came back fine", "backward"), ("came back clear", "backward"),
        ("all clear", "backward"), ("were normal", "backward"),
        ("was normal", "backward"), ("were fine", "backward"),
        ("ruled out", "both"), ("never", "forward"), ("nothing", "forward"),
        ("doesn't", "forward"), ("don't", "forward"), ("didn't", "forward"),
        ("don't feel", "forward"), ("doesn't feel", "forward"), ("didn't feel", "forward"),
        ("don't notice", "forward"), ("didn't notice", "forward"),
        ("doesn't have", "forward"), ("doesn't get", "forward"), ("didn't see", "forward"),
        ("there isn't", "forward"), ("there wasn't", "forward"), ("there's no", "forward"),
        ("isn't any", "forward"), ("wasn't any", "forward"),
        ("neither", "forward"), ("nor", "forward"),
        # Declining the word for it: "I wouldn't say it's weakness exactly, I can
        # lift everything fine" (set 8). Forward to the clause's end only.
        ("wouldn't say", "forward"), ("would not say", "forward"),
        ("wouldn't call it", "forward"), ("would not call it", "forward"),
        ("wouldn't describe it as", "forward"), ("not what i'd call", "forward"),
        ("i'd not call it", "forward"), ("can't say it's", "forward"),
    ]),
    # Present before, not now. "stopped"/"quit"/"gave up" (coffee, a medicine) and
    # "no longer" go here rather than under negated: the exposure or symptom did
    # happen, just not now.
    "historical": both_apostrophes([
        ("used to", "forward"), ("used to have", "forward"), ("years ago", "both"),
        ("a year ago", "both"), ("months ago", "both"), ("as a kid", "both"),
        ("as a child", "both"), ("as a teenager", "both"), ("as a teen", "both"),
        ("in my teens", "both"), ("growing up", "both"), ("when i was a kid", "both"), ("when i was little", "both"),
        ("when i was young", "both"), ("when i was a child", "both"),
        ("when i was a teenager", "both"),
        ("when i was younger", "both"), ("last year", "both"), ("back in", "forward"),
        # A past year dates what it sits with, like "last year": "fell off my bike in
        # 2019 and hit my head". (The current year, 2026, is not the past; "since
        # 2017" says something still going on and stays present.)
        *[(f"in {y}", "both") for y in range(1960, 2026)],
        # An age or a stage of life: "had a seizure once when I was 12, I'm 30 now".
        *[(f"when i was {n}", "both") for n in range(1, 80)],
        # The same said of someone else: "my dad had his thyroid out when he was 40".
        *[(f"when {p} was {n}", "both") for p in ["he", "she"] for n in range(1, 80)],
        ("when i was a student", "both"), ("when i was at school", "both"),
        ("when i was at uni", "both"), ("when i was at university", "both"),
        ("when i was in school", "both"), ("when i was in college", "both"),
        ("as a student", "both"),
        ("once had", "forward"), ("had it before", "backward"),
        ("had them before", "backward"), ("in the past", "both"),
        ("previously", "both"), ("a while ago", "both"), ("a while back", "both"),
        ("years back", "both"), ("long time ago", "both"), ("grew out of", "forward"),
        # Forward only: "stopped coffee", "quit smoking". Looking back, "my legs
        # stopped working" would make the legs history.
        ("no longer", "forward"), ("stopped", "forward"), ("stopped taking", "forward"),
        ("quit", "forward"), ("gave up", "forward"), ("given up", "forward"),
        ("cut out", "forward"), ("came off", "forward"), ("come off", "forward"),
        ("weaned off", "forward"), ("got off", "forward"), ("used to take", "forward"),
        ("used to drink", "forward"), ("former", "forward"), ("ex-smoker", "forward"),
        ("ex smoker", "forward"),
        # Over and done with: "had a DVT in 2015, fine since".
        ("fine since", "backward"), ("been fine since", "backward"),
        ("fine ever since", "backward"), ("ok since", "backward"),
        ("okay since", "backward"), ("no problems since", "backward"),
        ("no issues since", "backward"), ("nothing since", "backward"),
        ("fully recovered", "backward"), ("cleared up", "backward"),
        # One episode long ago that never came again: "fainted once at 14 at a
        # blood test, never since" (set 8). Backward, across one comma, like
        # "fine since"; a sign said after it ("... never since, but today I passed
        # out") is outside its reach.
        ("never since", "backward"), ("not since", "backward"),
        ("never happened again", "backward"), ("never happened since", "backward"),
        ("hasn't happened since", "backward"), ("not happened since", "backward"),
        ("didn't happen again", "backward"), ("never had another", "backward"),
        ("not had another since", "backward"), ("none since", "backward"),
        ("nothing like it since", "backward"), ("never again since", "backward"),
        ("all cleared", "backward"), ("all sorted", "backward"),
        # An earlier pregnancy: "had pre-eclampsia with our first".
        ("last pregnancy", "both"), ("previous pregnancy", "both"),
        ("first pregnancy", "both"), ("other pregnancy", "both"),
        ("with our first", "both"), ("with my first", "both"),
        ("with her first", "both"), ("with our eldest", "both"),
        ("with my eldest", "both"),
    ]),
    "hypothetical": both_apostrophes([
        ("if", "forward"), ("what if", "forward"), ("in case", "forward"),
        ("just in case", "forward"), ("should i worry if", "forward"),
        ("should i be worried if", "forward"), ("would it be", "forward"),
        ("what would", "forward"), ("watch for", "forward"),
        ("watch out for", "forward"), ("look out for", "forward"),
        ("what to watch", "forward"), ("could i get", "forward"),
        ("can you get", "forward"), ("what are the signs of", "forward"),
        ("what are the symptoms of", "forward"), ("signs to look for", "forward"),
        ("in the future", "forward"), ("if i get", "forward"), ("if it gets", "forward"),
        ("if it spreads", "forward"), ("when should i", "forward"),
        ("how do you know if", "forward"), ("how do i know if", "forward"),
        ("how would i know", "forward"), ("at risk of", "forward"),
        # A medicine not started yet is not a new one: "about to start sertraline".
        ("going to start", "forward"), ("about to start", "forward"),
        ("due to start", "forward"), ("will be starting", "forward"),
        ("supposed to start", "forward"), ("meant to start", "forward"),
        ("thinking of starting", "forward"), ("thinking about starting", "forward"),
        ("considering starting", "forward"), ("before i start", "forward"),
        ("before starting", "forward"),
        ("risk of getting", "forward"), ("to prevent", "forward"),
        ("to avoid", "forward"), ("unless", "forward"),
        # Asking about something read or heard, not living it.
        ("is it true that", "forward"), ("is it true", "forward"),
        ("read about", "forward"), ("reading about", "forward"),
        ("read that", "forward"), ("heard about", "forward"),
        ("heard that", "forward"), ("asking for a friend", "backward"),
        # An example inside a question: "what should I watch for, like would
        # slurred speech or a droopy face be a worry?" (set 8).
        # Only "would": "like should I worry my face is drooping" asks about a sign
        # that is there.
        ("like would", "forward"), ("such as would", "forward"),
        # Something read online that frightened the writer (forum set 9): "I'd read
        # a thing on Facebook about muscles breaking down and dark urine". The scope
        # ends at the clause, so "..., and now my pee is dark" stays present.
        ("read a thing", "forward"), ("read something", "forward"),
        ("read an article", "forward"), ("read a post", "forward"),
        ("read a story", "forward"), ("saw a post", "forward"),
        ("saw a thing", "forward"), ("saw a video", "forward"),
        ("saw something", "forward"), ("read online", "forward"),
        ("read on facebook", "forward"), ("read on reddit", "forward"),
        ("read on google", "forward"), ("saw on tiktok", "forward"),
        ("saw on facebook", "forward"), ("saw online", "forward"),
    ]),
    # Worry and suspicion: the writer fears a cause or finding, has not been told it.
    "possible": both_apostrophes([
        ("scared of", "forward"), ("scared it's", "forward"),
        ("scared it is", "forward"), ("terrified of", "forward"),
        ("terrified it's", "forward"), ("afraid of", "forward"),
        ("afraid it's", "forward"), ("worried it's", "forward"),
        ("worried it is", "forward"), ("worried i have", "forward"),
        ("fear of", "forward"), ("paranoid about", "forward"),
        ("convinced i have", "forward"), ("convinced it's", "forward"),
        ("could it be", "forward"), ("could this be", "forward"),
        ("could i have", "forward"), ("do i have", "forward"),
        ("is this als", "forward"), ("does this sound like", "forward"),
        ("sounds like", "forward"), ("wondering if", "forward"),
        ("i wonder if", "forward"), ("maybe", "forward"), ("perhaps", "forward"),
        ("possibly", "forward"), ("suspect", "forward"), ("i think i have", "forward"),
        ("googled", "forward"), ("dr google", "forward"), ("hoping it's not", "forward"),
        ("hope it's not", "forward"), ("in denial", "backward"),
    ]),
    # Someone other than the writer. Never a bare relative ("my dad's speech is
    # slurred" is the person the writer asks about): only past and family-history
    # forms, and only for relatives who are seldom the person asked about.
    "other-person": both_apostrophes([
        # Another person's own story told beside the writer's (forum set 9): "Mum
        # says hers started with numb legs". Not "his ...": "his" is dropped before
        # matching, so the rule would read "started with" in everyone's story.
        ("hers started with", "forward"), ("hers began with", "forward"),
        ("hers started as", "forward"), ("theirs started with", "forward"),
        ("theirs began with", "forward"),
    ] + [
        (f"my {rel} had", "forward") for rel in [
            "dad", "mum", "mom", "mother", "father", "sister", "brother", "nan",
            "nana", "gran", "grandma", "grandmother", "grandad", "granddad", "grandpa",
            "grandfather", "aunt", "auntie", "uncle", "cousin", "friend",
            "friend's dad", "friend's mum", "friend's mom",
            # Friends and workmates in UK/Australian words ("my mate had a DVT
            # after a flight, my calf cramps at night"). Writing only about them,
            # a red flag is still theirs to act on (see understand/mod.rs).
            "mate", "pal", "best mate", "best friend", "bestie", "flatmate",
            "housemate", "roommate", "colleague", "coworker", "co-worker",
            "workmate", "neighbour", "neighbor", "boss"]
    ] + [
        (f"{rel} died of", "forward") for rel in [
            "dad", "mum", "mom", "mother", "father", "nan", "gran", "grandma",
            "grandad", "granddad", "grandpa", "grandmother", "grandfather", "aunt",
            "uncle"]
    ] + [
        (f"{rel} died from", "forward") for rel in ["dad", "mum", "mom", "grandad",
                                                    "grandma", "grandpa", "nan"]
    ] + [
        (f"lost my {rel} to", "forward") for rel in ["dad", "mum", "mom", "mother",
                                                     "father", "grandad", "grandma",
                                                     "grandpa", "nan", "uncle", "aunt"]
    ] + [
        ("passed away from", "forward"), ("passed away of", "forward"),
        ("runs in the family", "backward"), ("runs in my family", "backward"),
        ("family history of", "forward"), ("family history", "both"),
        ("history in my family", "backward"), ("in my family", "backward"),
        ("on my dad's side", "backward"), ("on my mum's side", "backward"),
        ("on my mom's side", "backward"), ("on my father's side", "backward"),
        ("on my mother's side", "backward"), ("a friend had", "forward"),
        ("a friend of mine had", "forward"), ("someone i know had", "forward"),
        ("a colleague had", "forward"), ("people with", "forward"),
    ] + [
        # An animal is someone else too: "my dog had a fit last week, anyway my eyelid
        # twitches" is not the writer's fit. Only with a verb of having, so "my dog
        # bit me" and "the dog knocked me over" stay the writer's own.
        (f"{who} {animal} {verb}", "forward")
        for who in ["my", "our", "the"]
        for animal in ["dog", "cat", "puppy", "kitten", "pet", "horse", "pony", "rabbit",
                       "hamster", "guinea pig", "budgie", "parrot", "ferret"]
        for verb in ["had", "has", "is having", "was having", "keeps having", "has had",
                     "had had", "has been having"]
    ] + [
        # The same with the fit itself: "had a fit" is the seizure sign's own
        # phrase, so "my dog had" shares its "had" and cannot mark it; the whole
        # "my dog had a fit" is the animal's (set 8: "my dog had a fit last night
        # and my eyelid twitches").
        (f"{who} {animal} {fit}", "forward")
        for who in ["my", "our", "the"]
        for animal in ["dog", "cat", "puppy", "kitten", "pet", "horse", "pony", "rabbit"]
        for fit in ["had a fit", "had fits", "has fits", "has a fit", "had another fit",
                    "is having a fit", "was having a fit", "keeps having fits",
                    "having fits", "having a fit"]
    ] + [
        # Someone else's past stay in hospital: "my mate ended up in hospital with
        # rhabdo after a spin class, I'm just getting normal calf cramps".
        (f"{who} {rel} {went}", "forward")
        for who in ["my", "a"]
        for rel in ["mate", "friend", "pal", "flatmate", "housemate", "colleague",
                    "coworker", "workmate", "cousin", "neighbour", "neighbor"]
        for went in ["ended up in hospital with", "ended up in hospital from",
                     "was hospitalised with", "was hospitalized with",
                     "was in hospital with", "landed in hospital with",
                     "ended up in a&e with", "was admitted with"]
    ]),
    # End a trigger's scope.
    "terminate": both_apostrophes([
        (t, "none") for t in [
            "but", "however", "although", "though", "even though", "except",
            "apart from", "aside from", "other than", "now", "today", "tonight",
            "this week", "this morning", "last night", "yesterday", "yet", "still",
            "which", "whereas", "while", "whilst", "nowadays", "these days",
            "currently", "at the moment", "right now", "lately", "recently", "since",
            "because", "cos", "coz", "cuz", "anyway", "anyways", "nevertheless",
            "nonetheless", "instead", "unlike", "just now", "these past",
        ]
    ]),
}


def q(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    if not os.path.isdir("data"):
        sys.exit("run from the repository root (data/ not found)")
    tmp = tempfile.mkdtemp(prefix="gen-context-")
    try:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet",
                        "--disable-pip-version-check", "--no-deps", "--no-binary", ":all:",
                        f"medspacy=={MEDSPACY_VERSION}", "-d", tmp], check=True)
        sdist = os.path.join(tmp, f"medspacy-{MEDSPACY_VERSION}.tar.gz")
        with tarfile.open(sdist) as tar:
            member = f"medspacy-{MEDSPACY_VERSION}/{RULES_PATH}"
            raw = json.load(tar.extractfile(member))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rules = raw["context_rules"]

    entries = []         # (literal, category, direction, source, of)
    notes = []           # header comment lines about patterns and drops
    for r in rules:
        lit, cat, dirn, pat = r["literal"].lower(), r["category"], r["direction"], r.get("pattern")
        of = CATEGORY[cat]
        if lit in DROP_RULES:
            notes.append(f"#   DROPPED {q(lit)} ({cat}): {DROP_RULES[lit]}")
            continue
        if dirn == "TERMINATE":
            category, direction = "terminate", "none"
        elif dirn == "PSEUDO":
            category, direction = "pseudo", "none"
        else:
            category, direction = of, DIRECTION[dirn]
        if pat:
            lits, dropped = expand_pattern(pat)
            note = f"#   {q(lit)}: pattern expanded to {len(lits)} literal(s)"
            if dropped:
                note += f"; dropped clinical shorthand: {', '.join(q(d) for d in dropped)}"
            notes.append(note)
        else:
            lits = [lit]
        for l in lits:
            if l in LAY_UNSAFE:
                notes.append(f"#   DROPPED {q(l)} ({cat}): part of how symptoms are said in lay text")
                continue
            entries.append((l, category, direction, "medspacy",
                            of if category in ("terminate", "pseudo") else None))

    seen = {(e[0], e[1]) for e in entries}
    seen_lit = {e[0]: e[1] for e in entries}
    skipped = []
    for category, items in LAY_RULES.items():
        for item in items:
            literal, direction = item[0], item[1]
            of = item[2] if len(item) > 2 else None
            key = (literal, category)
            if literal in LAY_UNSAFE:
                continue
            if key in seen:
                skipped.append(f"{literal} ({category})")
                continue
            if literal in seen_lit:
                print(f"note: {literal!r} is {seen_lit[literal]} in medspaCy and {category} here")
            seen.add(key)
            entries.append((literal, category, direction, "twitchcheck", of))

    # medspaCy rules may expand to the same literal twice; keep the first.
    out, done = [], set()
    for e in entries:
        if (e[0], e[1], e[2]) not in done:
            done.add((e[0], e[1], e[2]))
            out.append(e)

    lines = [
        f"# Generated by scripts/gen-context-rules.py from medspaCy {MEDSPACY_VERSION} {RULES_PATH} (MIT)"
        " plus twitchcheck's own lay rules (marked source = \"twitchcheck\").",
        "# Do not edit by hand; edit the script and rerun.",
        "# category: negated | possible | hypothetical | historical | other-person | terminate | pseudo",
        "# direction: forward | backward | both | none (terminate and pseudo)",
        "# of: for terminate and pseudo, the category the rule ends or blocks (medspaCy's original category).",
        "# Contractions appear with and without the apostrophe; text is expected lowercased with",
        "# curly apostrophes (\u2019) turned into straight ones before matching.",
        "#",
        f"# medspaCy rules with a spaCy token `pattern` were expanded into literals: each token's",
        "# LOWER alternatives (IN lists) multiplied out, OP \"?\" tokens as present or absent, and",
        "# spaCy's split \"n't\" glued back (\"did\" + \"n't\" -> \"didn't\", \"didnt\"; \"can\" -> \"can't\",",
        "# \"cant\", \"cannot\"). Expansions containing a shorter expansion of the same rule as whole",
        "# words were left out (they match nowhere the shorter one does not). Literals with clinical shorthand (" + ", ".join(sorted(CLINICAL_TOKENS)) + ") were dropped.",
    ] + notes + [
        f"# twitchcheck rules skipped as already present from medspaCy: {', '.join(skipped) or 'none'}",
        "",
    ]
    for lit, category, direction, source, of in out:
        lines.append("[[context]]")
        lines.append(f"literal = {q(lit)}")
        lines.append(f"category = {q(category)}")
        lines.append(f"direction = {q(direction)}")
        lines.append(f"source = {q(source)}")
        if of:
            lines.append(f"of = {q(of)}")
        lines.append("")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    counts = {}
    for e in out:
        counts[(e[3], e[1])] = counts.get((e[3], e[1]), 0) + 1
    print(f"wrote {OUT}: {len(out)} rules from {len(rules)} medspaCy rules")
    for k in sorted(counts):
        print(f"  {k[0]:12} {k[1]:14} {counts[k]}")


if __name__ == "__main__":
    main()
