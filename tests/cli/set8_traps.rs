//! Look-alikes that must stay calm, and their dangerous twins that must not
//! (blind set 8's false alarms, round 1). Each mechanism (an idiom, a declined
//! word, an episode long over, an example in a question, someone else's event, an
//! explanation for numbness, a body part said to work) is tried with new wordings,
//! and beside it the same words where the sign is real now. The wordings are
//! written for these tests, not taken from the set.

use crate::spans::{at_least, at_most, first_cause, triage};

#[test]
fn idioms_that_borrow_a_signs_words_stay_routine() {
    at_most(
        "routine",
        &[
            "I told him till I was blue in the face to stretch, now my own calf cramps at night",
            "you can shout until you're blue in the face, my eyelid still flickers every evening",
            "she nagged me until she was blue in the face about coffee and my eye keeps twitching",
            "I was paralysed with nerves before my driving test and my hands were twitching",
            "scared stiff before the interview, my thigh kept jumping",
        ],
    );
    // Fear said as an idiom is stress, which leads.
    assert_eq!(
        first_cause("frozen with fear on stage and my fingers twitched all through the speech"),
        "stress"
    );
}

#[test]
fn the_same_words_said_plainly_still_fire() {
    at_least(
        "emergency",
        &[
            "my baby went blue in the face and stopped breathing",
            "he's turning blue in the face and can't catch his breath",
            "suddenly I'm paralysed down my left side and my leg won't move",
        ],
    );
    at_least(
        "urgent",
        &["my heart keeps skipping beats and fluttering with the cramps"],
    );
}

#[test]
fn a_word_declined_is_not_reported() {
    at_most(
        "routine",
        &[
            "Not sure it's weakness as such, I wouldn't call it weak, my calf just flickers after runs",
            "I wouldn't say my legs are weak, they just twitch after the gym",
        ],
    );
    // Declining one word does not reach a sign said after a "but".
    at_least(
        "emergency",
        &["I wouldn't say it's bad, but my arm has suddenly gone weak and floppy"],
    );
}

#[test]
fn one_episode_long_ago_and_never_since_is_history() {
    at_most(
        "routine",
        &[
            "blacked out once aged 16 when I stood up too fast, never happened again. My eyelid twitches now",
            "had one seizure at uni after no sleep, not since, 20 years on. What makes the thumb twitch?",
        ],
    );
    at_least(
        "emergency",
        &[
            "fainted once at 14, never since, but this morning I passed out at my desk",
            "I blacked out twice this week and my arm twitches",
        ],
    );
}

#[test]
fn an_example_inside_a_question_is_hypothetical() {
    at_most(
        "routine",
        &["what are the danger signs with calf cramps, like would a swollen red calf be a worry? mine is just a normal cramp at night"],
    );
    at_least(
        "emergency",
        &[
            "what should I watch for with a twitch? I do have slurred speech since this morning",
            "like should I worry my face is drooping",
        ],
    );
}

#[test]
fn a_friends_or_a_pets_event_is_theirs() {
    at_most(
        "routine",
        &[
            "my pal had a DVT after a long drive, my calves cramp after football",
            "my colleague had a stroke last year, now my eyelid keeps flickering",
            "our cat had a fit yesterday and since then my eyelid has been fluttering, stress I guess",
        ],
    );
    at_least(
        "urgent",
        &["my mate had a DVT last year and now my own calf is swollen, red and hot"],
    );
    at_least(
        "emergency",
        &[
            "my dog had a fit and then I had a seizure myself an hour later",
            "my dad had a stroke years ago and now his face is drooping",
        ],
    );
}

#[test]
fn numbness_from_a_dental_injection_is_expected() {
    at_most(
        "routine",
        &[
            "lip and chin still numb from the dentist this morning and my cheek twitches a bit",
            "had a wisdom tooth out today, half my tongue is numb and my jaw twitches",
        ],
    );
    // The dentist explains numbness only: a face that droops after it is a stroke sign.
    at_least(
        "emergency",
        &[
            "had a filling this morning and now half my face is drooping and I can't smile properly",
            "had a filling yesterday, since then my face droops on one side and my speech is slurred",
        ],
    );
    // Numb feet are not the dentist's doing.
    let (_, flags) = triage("been to the dentist today, and my feet have been numb for a week");
    assert!(flags.contains(&"numbness".to_string()), "{flags:?}");
}

#[test]
fn an_arm_slept_on_that_recovered_is_harmless_but_one_still_useless_is_not() {
    at_most(
        "routine",
        &[
            "fell asleep on my arm on the sofa, woke with it totally numb. Pins and needles went after a minute and it's fine now, bicep twitching a bit",
            // "Useless" and "still" about something else are no limb that fails.
            "the physio was useless, my leg still cramps",
            "the tablets still aren't working and my leg cramps at night",
        ],
    );
    at_least(
        "emergency",
        &[
            "I slept on my arm and now it's still dead and floppy an hour later",
            "slept on my arm last night, still can't lift my wrist, my hand just hangs limp hours later",
            "woke up and my left arm is useless and still not working after an hour",
        ],
    );
}

#[test]
fn a_face_eye_or_jaw_said_to_work_is_no_sign() {
    at_most(
        "routine",
        &[
            "my sister had Bell's palsy last year. Eyelid twitch for a few days, I can close my eyes fine and my smile looks normal",
            "grazed my knee on Saturday, tetanus jab is up to date. Eyelid twitch since Monday.",
        ],
    );
    at_least(
        "emergency",
        &[
            "mum had Bell's palsy years ago and now my face is drooping on one side and I can't close my eye",
            "cut my hand on a rusty nail, not had a tetanus jab in years, now my jaw is stiff",
        ],
    );
    at_least(
        "soon",
        &["I can't close my eye properly and the twitch has spread to my cheek"],
    );
}

#[test]
fn named_causes_lead_where_the_person_gives_them() {
    let cases = [
        (
            "roofing all day in a heatwave and I barely drank anything, thighs cramped on the drive home",
            &["dehydration", "heat-illness"][..],
        ),
        (
            "been on methylphenidate for ADHD since last month and my cheek and eyelid twitch",
            &["medication"][..],
        ),
        (
            "plant based for years with no B12, my tongue is sore and smooth and my toes tingle",
            &["vitamin-b12"][..],
        ),
        (
            "working from bed on my laptop, my neck aches and the muscle by my shoulder blade twitches",
            &["posture-strain"][..],
        ),
        (
            "I have multiple sclerosis and my leg spasms have crept back this month",
            &["neurological-condition"][..],
        ),
        (
            "I take B6 tablets every day for my periods and now my feet tingle and I feel off balance",
            &["vitamin-b6"][..],
        ),
    ];
    let failed: Vec<String> = cases
        .iter()
        .map(|(q, want)| (q, want, first_cause(q)))
        .filter(|(_, want, got)| !want.contains(&got.as_str()))
        .map(|(q, want, got)| format!("{got} not in {want:?}: {q}"))
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
