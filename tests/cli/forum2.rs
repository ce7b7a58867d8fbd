//! Mechanisms the sixth blind set (forum-style posts, round 2) and the fifth set's
//! round 2 found missing, each said in wordings written for these tests, never
//! copied from the sets: fingers or toes curling in an ordinary cramp is no tetany
//! without a calcium sign; "touch my chin to my chest" is a neck test, neither chest
//! pain nor spasms set off by touch; "now my whole body" after a big dose of caffeine
//! is no spread over days; a history cue reaches over a bracketed aside; wetting
//! oneself without feeling it with back pain; a swollen calf then breathlessness or
//! pain on breathing in; a pad or bag with next to nothing in it, dark; "only peed
//! once" since a hard race; pregnancy weeks in a title with two pre-eclampsia signs
//! later. Each kind has twins that must still fire.

use crate::spans::{at_least, at_most};

#[test]
fn curling_in_an_ordinary_cramp_is_not_tetany() {
    at_most(
        "soon",
        &[
            "my toes curl under when the cramp hits in bed, 29 weeks pregnant, midwife happy",
            "after a long swim my fingers curl up with cramp for a minute then let go",
            "guitar practice for hours and my fingers curl in with a cramp at the end",
            "toes curling up in a cramp after running in new trainers",
        ],
    );
    at_least(
        "urgent",
        &[
            "fingers locked in a claw and lips tingling",
            "my fingers curl up and my lips have gone tingly, I was breathing really fast",
            "my hand keeps curling into a claw and won't straighten",
            "thyroid op on tuesday, now my fingers keep curling up",
        ],
    );
}

#[test]
fn chin_to_chest_is_a_neck_test_not_chest_pain() {
    at_most(
        "soon",
        &[
            "stiff neck from a draughty train, I can get my chin to my chest but it hurts on the left, no fever",
            "slept awkwardly, neck in spasm, touching my chin to my chest makes the side ache",
            "crick in my neck, I can put my chin on my chest, it only hurts turning to the right",
        ],
    );
    at_least(
        "emergency",
        &[
            "fever and a stiff neck, I can't touch my chin to my chest",
            "crushing pain in my chest going down my left arm",
            "stood on a rusty nail last week and now my back spasms at the slightest touch",
        ],
    );
}

#[test]
fn whole_body_twitching_right_after_a_stimulant_is_not_spreading() {
    at_most(
        "soon",
        &[
            "had four energy drinks to pull an all nighter and now my whole body is twitching",
            "double espresso plus a fat burner on an empty stomach and now my whole body is buzzing and twitching",
            "took too much pre workout this morning, now my whole body twitches, heart a bit quick but ok",
        ],
    );
    at_least(
        "urgent",
        &[
            "it was only my calf for months and now my whole body twitches",
            "at first just my eyelid, now my whole body is jumping",
            "twitching started in my left hand, now my whole body twitches and my grip is weak",
        ],
    );
}

#[test]
fn a_history_cue_reaches_over_a_bracketed_aside() {
    at_most(
        "soon",
        &[
            "I had a seizure (a febrile one?) and nothing since, now my eyelid flickers when tired",
            "Years ago (2014) I had pins and needles in my foot that went away. Now my calf twitches",
            "In my teens (at school?) I had a fit, nothing since. My cheek twitches this week",
        ],
    );
    at_least(
        "emergency",
        &[
            "I had a seizure this morning (my wife saw it) and my arm is still twitching",
            "he's having a seizure right now (started 5 minutes ago)",
        ],
    );
}

#[test]
fn wetting_oneself_without_feeling_it_with_back_pain_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "bad lower back for days, legs twitching, and today I had an accident in my trousers without realising",
            "my husband's back has been agony all week and last night he wet his pants and didn't feel it, legs heavy",
            "sciatica flaring, now I've peed my pants and couldn't feel it happening",
        ],
    );
    at_most(
        "soon",
        &["sore lower back from gardening, calf cramp at night, bladder and bowels all normal"],
    );
}

#[test]
fn a_swollen_calf_then_breathlessness_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my leg has been swollen and tender since the long flight, and now it hurts to take a deep breath",
            "swollen calf for a week, thought it was a strain. Today I'm short of breath walking to the kitchen",
            "my calf is swollen and hot. Now I get a stabbing pain in my chest when I breathe in",
        ],
    );
    at_most(
        "urgent",
        &[
            "calf cramp after my run, I was panting at the end, leg looks normal",
            "calf not swollen or warm, just tight after football, breathing fine",
        ],
    );
}

#[test]
fn next_to_no_urine_dark_or_after_a_race_is_urgent() {
    at_least(
        "urgent",
        &[
            "grandad's catheter bag has barely any in it and it's gone a reddish brown, his legs are twitching",
            "mum's incontinence pad had next to nothing in it this morning and it was brown, she's crampy",
            "did an ironman yesterday, since the finish I've only peed once and my legs keep cramping",
            "long hot hike, only weed once since the morning, calves cramping",
        ],
    );
    at_most(
        "soon",
        &[
            "the pad of my thumb twitches and it's gone a bit red",
            "used a heat pad on my back, calf cramp, peeing normally",
        ],
    );
}

#[test]
fn pregnancy_weeks_in_a_title_with_two_signs_is_urgent() {
    at_least(
        "urgent",
        &[
            "Leg cramps at 35 weeks\n\nAlso my face looks puffy since yesterday and I've a headache that won't shift, and pain under my ribs",
            "Night cramps at 33 wks?\n\nHeadache for two days and my vision is blurry now",
        ],
    );
    at_most(
        "soon",
        &["Leg cramps at 35 weeks\n\nMidwife checked me today, blood pressure fine, no headaches or swelling. Any tips?"],
    );
}
