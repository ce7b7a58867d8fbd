//! Neurological, eye and poisoning red flags said in everyday words (blind set 8).
//! The wordings are written for these tests, not taken from the set: each mechanism
//! is said several new ways (a relative, a colleague, non-native English, a sign
//! after an old event), with look-alikes that must stay calm (negated, someone
//! else's, hypothetical, idioms).

use crate::spans::{at_least, at_most};

#[test]
fn speech_gone_funny_with_an_arm_that_will_not_lift_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "my wife's talking went all funny at dinner and now her left hand just dangles, she can't lift it",
            "grandad's words have gone weird since this morning and his right arm is useless, he can't lift it off the table",
            "mid-conversation my boss stopped and now his left arm hangs by his side, he can't raise it",
        ],
    );
    at_most(
        "routine",
        &[
            "my words don't come out funny, my speech is fine, I just have a twitchy calf",
            "what if my words went funny and my arm went weak? my arm twitches",
            "I can lift my arm fine and my words are normal, just a twitchy bicep",
            "my arm hangs a bit lower when I relax, my shoulder twitches",
        ],
    );
}

#[test]
fn an_old_stroke_does_not_hide_a_heavy_arm_with_dribbling_or_slurring_now() {
    at_least(
        "emergency",
        &[
            "I had a stroke years ago. Tonight my right arm has gone heavy again and I'm drooling",
            "mum's left leg is heavy and she is slurring her words",
        ],
    );
    at_most(
        "routine",
        &[
            "my dad had a stroke years ago, I have a twitchy eyelid",
            "my right arm is heavy after the gym and twitchy",
        ],
    );
}

#[test]
fn speech_lost_for_minutes_with_a_limb_still_weak_or_numb_is_a_tia() {
    at_least(
        "emergency",
        &[
            "I couldn't speak for about ten minutes this morning, it passed but my right hand is still numb",
            "my dad couldn't get his words out for a few minutes and his arm still feels weak",
        ],
    );
}

#[test]
fn one_side_of_the_face_numb_or_with_sight_trouble_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "the right side of my face went numb like after the dentist about an hour ago",
            "half of his face has gone numb and he can't see properly out of his left eye",
        ],
    );
    at_most(
        "routine",
        &[
            "no numbness on the left side of my face, just a twitchy cheek",
            "I don't feel like I've been to the dentist, my cheek just twitches",
            "left cheek buzzing and twitching for a week",
        ],
    );
}

#[test]
fn part_of_the_sight_lost_in_one_eye_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "suddenly lost the top half of the sight in my left eye, like a black curtain",
            "I've lost part of the vision in my right eye since an hour ago, it's just missing",
        ],
    );
    at_most(
        "routine",
        &[
            "lost my glasses and my vision is blurry, eyelid twitching",
            "I lost interest in running and my calves twitch",
            "what if I lose the vision in my right eye? my eyelid twitches",
        ],
    );
}

#[test]
fn walking_that_veers_with_headache_and_vomiting_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "since lunch I keep veering to the right when I walk and I've got a headache and keep throwing up",
            "my husband keeps falling to one side when he walks, bad headache and he's been sick twice",
        ],
    );
    // A hangover is not sent to 999 (the unsteadiness itself stays a weakness sign).
    at_most(
        "urgent",
        &["last night I couldn't walk straight after 8 pints, today headache and sick, eyelid twitching"],
    );
}

#[test]
fn fever_with_a_neck_like_a_board_or_light_that_hurts_is_meningitis() {
    at_least(
        "emergency",
        &[
            "running a fever, my neck is stiff as a board and I can't stand the light",
            "high temperature and I can't get my chin down to my chest at all",
        ],
    );
    at_most(
        "routine",
        &["my dad had meningitis as a kid, I have a stiff neck from sleeping funny"],
    );
}

#[test]
fn a_fit_as_a_bystander_names_it_is_a_seizure() {
    at_least(
        "emergency",
        &[
            "my brother had what looked like a fit on the bathroom floor and then came round confused",
            "I'm 34 weeks pregnant and my partner says it looked like a fit, my arms were jerking",
        ],
    );
    at_most(
        "routine",
        &[
            "I'm fit and healthy and my calves twitch when I go to bed",
            "I'm kind of fit and my calves twitch at night",
        ],
    );
}

#[test]
fn seeing_things_after_stopping_heavy_drinking_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "gave up drinking three days ago and now I'm seeing spiders crawling on the ceiling",
            "stopped drinking on Monday. He keeps talking to people who aren't there",
        ],
    );
    at_most(
        "routine",
        &["stopped drinking 2 years ago, feeling good, just eye twitch"],
    );
}

#[test]
fn legs_that_cannot_be_felt_after_a_fall_are_a_spinal_injury() {
    at_least(
        "emergency",
        &[
            "my son fell off the roof and he can't feel his legs",
            "she came off her horse, now she has no feeling in her legs",
            "my brother fall from roof, he no can feel his legs",
        ],
    );
    at_most(
        "routine",
        &[
            "fell off a ladder yesterday, I can feel my legs fine, no numbness, just a twitchy calf",
            "I fell over in the park last year, now my thigh twitches",
        ],
    );
}

#[test]
fn weak_legs_with_a_weak_face_on_both_sides_is_guillain_barre() {
    at_least(
        "emergency",
        &[
            "after a tummy bug my legs are weak and now I can't whistle or drink through a straw",
            "my legs got weak over a few days and my face feels weak on both sides",
        ],
    );
}

#[test]
fn a_bad_headache_on_a_blood_thinner_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "I take apixaban and have a really severe headache",
            "I'm on warfarin and have a splitting headache and blurry vision",
        ],
    );
    at_most(
        "routine",
        &[
            "on warfarin for years, mild headache from not sleeping, eyelid twitch",
            "my gran is on warfarin, I have a bad headache and a twitchy eyelid",
        ],
    );
}

#[test]
fn snoring_breathing_or_jerking_after_pills_is_an_overdose() {
    at_least(
        "emergency",
        &[
            "my flatmate took some pills at a festival and now her breathing is gurgling and she won't wake properly",
            "he's taken xanax and drinks, he's jerking and not making eye contact",
        ],
    );
    at_most(
        "routine",
        &[
            "my husband snores and his legs twitch in his sleep, he had a few beers",
            "my mate took some pills last year, I'm worried about my twitching calf",
            "I take pills for blood pressure and my stomach is gurgling, calf twitching",
            "I'm on the pill and out of it today, eyelid twitchy",
        ],
    );
}

#[test]
fn a_hypo_with_slurring_or_refusing_sugar_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my son is type 1, he's shaky and sweaty and slurring his words",
            "my dad is diabetic, sweaty and confused and he keeps pushing the sweets away",
        ],
    );
    at_most(
        "routine",
        &["I'm type 2, sometimes shaky if I skip lunch, eyelid twitching"],
    );
}

#[test]
fn a_painful_red_eye_with_blur_or_light_pain_is_urgent() {
    at_least(
        "urgent",
        &[
            "my eye is red and really painful, light hurts it and it's blurry",
            "left eye bloodshot and sore and my vision is blurred in it",
        ],
    );
    at_most(
        "routine",
        &[
            "my eyelid twitches, my eyes are a bit red from hay fever but not painful",
            "my eyes feel tired and a bit blurry after screens, eyelid twitching",
            "my eye isn't red or painful and my vision is fine, the eyelid just twitches",
        ],
    );
}
