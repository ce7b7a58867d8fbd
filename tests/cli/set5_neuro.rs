//! Neurological and other emergencies said in everyday words, and their traps (blind
//! set 5, round 2). The wordings are written for these tests, not taken from the set:
//! each kind is said three to five new ways, with look-alikes that must stay calm.

use crate::spans::{at_least, at_most};

#[test]
fn slurred_talking_said_plainly_or_doubted_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "not sure if my talking is slurred or if I'm just knackered, my calf keeps twitching",
            "hubby's talking all slurred tonight and his eyelid is jumping",
            "my dad's speaking is slurry since lunch and his hand twitches",
            "our neighbour was slurring her words and her arm went heavy",
        ],
    );
    at_most(
        "soon",
        &[
            "I was slurring after six pints last night, today my eyelid twitches",
            "my calf twitches, no slurred talking or weakness",
        ],
    );
}

#[test]
fn one_whole_side_numb_or_weak_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "woke up and my entire left side is numb and weak, legs twitched all night",
            "mum says her whole left side feels weak and numb this afternoon",
            "since this morning the right side of my body is weak and tingly",
        ],
    );
}

#[test]
fn a_limb_that_went_dead_and_limp_for_a_while_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my leg going dead and limp for a few minutes earlier, now my foot twitches",
            "dad's arm went limp and useless for a bit then came right",
            "for about ten minutes my hand was dead and floppy, fine now",
        ],
    );
    at_most(
        "soon",
        &["my arm went dead after I slept on it, fine once I shook it, bicep twitching"],
    );
}

#[test]
fn sight_in_one_eye_dimming_for_minutes_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "the sight in my left eye went dark for a couple of minutes this morning",
            "my right eye's vision greyed out for a minute then cleared, my leg cramps at night",
            "like a shadow came down over one eye for a few minutes, then it went",
        ],
    );
    at_most(
        "soon",
        &["my vision goes grey for a second when I stand up too fast, calf cramps too"],
    );
}

#[test]
fn a_fit_seen_by_someone_else_and_doubted_by_the_writer_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "don't know if it counts as a seizure but my partner saw me go stiff and jerk on the sofa",
            "apparently I went stiff then shook all over for a minute, my muscles ache now",
            "my husband went rigid and jerked in his sleep and wouldn't answer me",
        ],
    );
    at_most(
        "soon",
        &[
            "my cat had a seizure yesterday, I'm worried, my eyelid twitches",
            "my legs jerk as I fall asleep, like I'm falling",
        ],
    );
}

#[test]
fn breathless_on_tiny_effort_is_urgent() {
    at_least(
        "urgent",
        &[
            "after this flu I'm out of breath just walking to the kitchen and my muscles twitch",
            "I'm panting like I've run a race just getting dressed, arms twitching",
            "gasping for air climbing one flight of stairs since the chest infection, legs twitch",
        ],
    );
    at_most(
        "soon",
        &["I was out of breath after my 10k run and my calves cramped after"],
    );
}

#[test]
fn chest_heaviness_said_as_not_pain_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "it's not pain exactly, more a pressure in my chest, and my jaw feels odd",
            "not really a pain, just a tightness across my chest and my left arm is tingly",
            "no pain as such but my chest feels heavy and my arm aches",
        ],
    );
    at_most(
        "soon",
        &["no chest pain, no heaviness, just a twitch in my pec after bench press"],
    );
}

#[test]
fn grip_fading_over_months_and_a_rippling_tongue_need_a_doctor() {
    at_least(
        "soon",
        &[
            "over the past few months my grip has got weaker, I can barely open jars now, forearms twitch",
            "my hand grip is going, I keep dropping cups, been getting worse for months",
            "my tongue is rippling like there's something wriggling under it and my words feel clumsy",
            "tongue keeps quivering like a bag of worms when I stick it out",
        ],
    );
}

#[test]
fn a_baby_floppy_with_a_rash_that_does_not_fade_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my baby has spots that don't fade when I roll a glass over them and she's burning up",
            "toddler is floppy and has a purple rash that doesn't go away when pressed with a glass",
            "the rash doesnt disappear under a glass and my little one is very sleepy",
        ],
    );
}

#[test]
fn someone_else_a_past_exposure_or_a_stated_ability_is_not_an_alarm() {
    at_most(
        "soon",
        &[
            "a long time ago I had tendon trouble on ciprofloxacin, not taken it since, calf cramps now",
            "stiff sore neck from a bad pillow, I can put my chin on my chest no problem, no fever",
            "my dog had a seizure this morning, I'm shaken and my eye twitches",
        ],
    );
    at_most(
        "routine",
        &["I read that twitching for over a month is serious, mine started two days ago"],
    );
}

#[test]
fn head_first_weakness_after_home_preserved_food_is_an_emergency() {
    // Botulism (NHS: 999 or A&E straight away), the food and the signs in
    // different sentences as people tell it.
    at_least(
        "emergency",
        &[
            "we had some homemade canned green beans on sunday. now im seeing double and my eyelids feel so heavy, and my neck muscles keep twitching",
            "my husband ate from a bulging tin of fish yesterday, today he's slurring and struggling to swallow, arms twitchy",
            "Grandad opened a jar of his home pickled mushrooms. A day later he's got droopy eyelids and can't swallow properly, and his arms twitch",
        ],
    );
    // Home-made food alone, or heavy eyelids from a long day, is not it.
    at_most(
        "routine",
        &[
            "made homemade jam yesterday, calves cramping from standing",
            "my eyelids feel heavy after a long day and my eye twitches",
        ],
    );
}

#[test]
fn weakness_climbing_to_the_hips_or_knees_after_an_infection_is_guillain_barre() {
    at_least(
        "emergency",
        &[
            "after my chest infection my feet went tingly and now my legs are weak to the knees",
            "had a stomach bug, toes numb first, now both legs are weak to the hips and my calves twitch",
        ],
    );
    // Sciatica shooting down to one knee is not a climbing weakness.
    at_most(
        "routine",
        &["sciatica shooting down to my knee, calf twitching"],
    );
}

#[test]
fn grip_fading_over_months_is_weakness() {
    at_least(
        "urgent",
        &[
            "over the past few months my grip is getting weaker and my hand twitches",
            "forearm twitches for weeks and my grip strength is going, I struggle with my keys now",
        ],
    );
    at_most(
        "routine",
        &["my grip is fine, no weakness, just a twitch in my thumb"],
    );
}
