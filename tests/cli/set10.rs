//! Vocabulary and pattern gaps found by blind set 10: signs that were not recognized
//! at all. The wordings are written for these tests, not taken from the set; each
//! mechanism has look-alikes (negated, someone else's past, hypothetical, idiom)
//! that must stay calm.

use crate::spans::{at_least, at_most, triage};

#[test]
fn cannot_lift_a_limb_with_unclear_speech_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "my mother is unable to lift her left hand above her head and her speech is not clear",
            "grandpa cannot raise his arm and he is talking gibberish since lunch",
            "not able to lift my right arm and my words came out all jumbled",
        ],
    );
    at_least(
        "urgent",
        &["my father is not able to lift his right hand above the shoulder"],
    );
    at_most(
        "soon",
        &["I can lift my arm fine and my speech is clear, just a twitch in my shoulder"],
    );
}

#[test]
fn breathing_as_a_fight_or_a_few_words_at_a_time_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "each breath is a battle today and my ribs are twitching",
            "breathing is such hard work since last night, cramp in my side",
            "I can only say a couple of words at a time before I have to stop for air",
            "my son can only get a few words out before gasping",
        ],
    );
    at_most(
        "routine",
        &[
            "had a fight with my brother, calf cramp after",
            "breathing is no struggle at all, just an eyelid twitch",
        ],
    );
}

#[test]
fn someone_who_cannot_be_woken_properly_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my flatmate is twitching and I can't wake him properly",
            "we can't properly rouse nan this morning, she's jerking a bit",
            "can't get her to wake, she's had cramps all day",
        ],
    );
    at_most(
        "soon",
        &["I woke him properly this morning, he just has a twitchy eyelid"],
    );
}

#[test]
fn unable_to_swallow_saliva_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "I cannot swallow my saliva and my throat feels tight",
            "spit keeps pooling in his mouth, he can't get it down, jaw is stiff",
            "she's drooling and can't swallow her own spit",
        ],
    );
    at_most(
        "routine",
        &[
            "no trouble swallowing my spit, just a twitchy eyelid",
            "what if I couldn't swallow my own saliva? eyelid twitching",
        ],
    );
}

#[test]
fn half_the_mouth_not_moving_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "the right side of her mouth isn't moving when she smiles",
            "his smile stopped working on one side this afternoon",
        ],
    );
    at_most("routine", &["my watch isn't moving, and my cheek twitches"]);
}

#[test]
fn a_white_pulseless_or_cold_agonising_limb_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my foot has gone chalk white and I can't feel a pulse in it",
            "his leg is like marble and there's no pulse at the ankle",
            "mum's leg is cold and blue and she's in agony with it",
            "my arm is icy and white and the pain is unbearable",
        ],
    );
    at_most(
        "routine",
        &[
            "my dad had a cold pale leg with no pulse years ago, I just get calf cramps",
            "I can feel a good pulse in my foot, no pain, calf cramps after football",
        ],
    );
}

#[test]
fn a_very_high_blood_sugar_reading_is_urgent() {
    at_least(
        "urgent",
        &[
            "my blood glucose was 31 this morning and I'm cramping",
            "type 2 diabetic, sugar has been 24 all week, calves cramping",
            "the meter says HI for my blood sugar, legs twitchy",
        ],
    );
    at_most(
        "soon",
        &[
            "I'm 25, blood sugar normal, calf cramps",
            "this drink has 30 grams of sugar, twitchy eyelid",
        ],
    );
}

#[test]
fn kidney_disease_with_jelly_muscles_and_an_irregular_pulse_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "I have chronic kidney disease, my muscles feel like rubber and my heart is skipping beats",
            "kidney failure, muscles like jelly today and my pulse is irregular",
        ],
    );
    // A fright idiom with no muscle word stays calm.
    let (urgency, _) = triage("my knees turned to jelly when I saw the spider, eyelid twitching");
    assert_ne!(urgency, "emergency");
}

#[test]
fn diabetic_burning_feet_is_neuropathy_to_see_a_gp_about() {
    at_least(
        "soon",
        &[
            "type 2 diabetic, my soles burn in bed and my calves cramp",
            "I'm diabetic and my toes feel like they're on fire at night",
        ],
    );
    at_most(
        "routine",
        &["my feet burn after a long walk in new boots, toes cramp"],
    );
}

#[test]
fn aching_bones_and_muscles_with_little_sun_is_seen_soon() {
    at_least(
        "soon",
        &["stuck indoors all winter, my bones and muscles hurt, and I get cramps"],
    );
}

#[test]
fn a_fit_of_giggles_a_face_that_dropped_at_the_bill_and_crossed_eyes_are_idioms() {
    at_most(
        "routine",
        &[
            "I got a fit of laughter during the exam and my eyelid keeps twitching",
            "his face dropped when he saw the price, lol, my calf twitches though",
            "seeing double when I go cross-eyed on purpose, eyelid twitching",
        ],
    );
    // The plain signs still fire.
    at_least(
        "emergency",
        &[
            "my wife had a fit this morning and she's twitching now",
            "his face dropped on one side when I saw him at lunch",
        ],
    );
    at_least(
        "urgent",
        &["double vision when I look to the left, calf twitches"],
    );
}

#[test]
fn tingling_only_in_a_pressing_position_is_harmless() {
    at_most(
        "routine",
        &[
            "my ring finger tingles whenever I lean on my elbows at my desk",
            "pins and needles in my hand if I sleep on my arm",
            "my foot tingles when I sit cross legged",
        ],
    );
    // Weakness with it still counts.
    at_least(
        "urgent",
        &["my little finger is numb all the time and my hand is weak"],
    );
}

#[test]
fn legs_unfelt_and_not_moving_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "I can't feel my legs and they won't move since I got up",
            "mum can't feel her legs, she can't stand up",
        ],
    );
    at_most(
        "routine",
        &["I can feel my legs and move them fine, just calf cramps"],
    );
}

#[test]
fn scarcely_any_meat_or_eggs_on_a_crash_diet_points_to_protein() {
    use crate::spans::first_cause;
    assert_eq!(
        first_cause("doing a 600 calorie diet with hardly any meat or eggs, my legs cramp"),
        "protein"
    );
}
