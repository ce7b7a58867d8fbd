//! Long forum posts (blind forum set 9): a sign said over several sentences, and
//! the look-alikes long posts are full of. The wordings are written for these tests,
//! not taken from the set; every trap has its dangerous twin beside it.

use crate::spans::{at_least, at_most};

#[test]
fn tingling_climbing_from_the_feet_with_weakness_in_another_sentence_is_guillain_barre() {
    at_least(
        "emergency",
        &[
            "I had food poisoning a fortnight ago. Since Friday my feet have been tingly and it has crept up to my knees. This morning my legs are like jelly and I can barely climb the stairs.",
            "Started with pins and needles in my toes on Tuesday, now it's up past my ankles and into my shins. Both legs feel weak today.",
        ],
    );
    // Weakness denied: the climbing tingling keeps its own (lower) red flags only.
    at_most(
        "urgent",
        &["Tingling in my toes that has slowly crept up to my ankles over a few months. No weakness at all, walking miles fine."],
    );
}

#[test]
fn dialysis_said_as_haemo_and_a_missed_session_in_its_own_sentence() {
    at_least(
        "emergency",
        &[
            "I'm on haemo three times a week. Missed yesterday's session. My legs are heavy and weak tonight.",
            "Dialysis patient here, skipped Monday's session as I was poorly. Now my heart keeps skipping and fluttering.",
            "On haemo since 2020. Tonight I feel really weak and my heart is fluttering.",
        ],
    );
    at_most(
        "routine",
        &[
            "I'm on haemo 3x a week and get calf cramps on the machine towards the end, the nurses slow the fluid off and it eases.",
            "Missed my gym session yesterday, my calves have been twitching a bit.",
        ],
    );
}

#[test]
fn dark_urine_with_a_time_word_in_between() {
    at_least(
        "emergency",
        &[
            "Did a 3 hour spin class yesterday, my pee this morning was brown like cola.",
            "A car rolled onto my leg yesterday. My urine this morning was dark brown.",
            "my wee first thing today was a dark reddish brown after the marathon",
            "I read something about rhabdo, and now my pee is dark brown after the gym",
        ],
    );
    // Read or watched online, not lived.
    at_most(
        "routine",
        &[
            "I read a post on Facebook about dark urine and muscle breakdown and got scared. My calf cramped last night but it's fine now.",
            "Saw a video online about rhabdo and brown pee, I've got a bit of cramp in my calf after football.",
        ],
    );
}

#[test]
fn rest_pain_eased_by_hanging_the_leg_down_or_a_toe_going_black_is_urgent() {
    at_least(
        "urgent",
        &[
            "My big toe has gone a dusky purple and the tip is going black.",
            "Pain in my foot every night, it only eases when I dangle my leg out of bed.",
            "The only relief for my calf pain at night is hanging my leg over the side of the bed.",
            "My foot aches at night and it is only better if I hang my leg over the side of the bed.",
        ],
    );
    at_most(
        "routine",
        &[
            "My toenail went black after the marathon, otherwise my legs feel fine, bit of calf cramp.",
            "would it be better if I stretched before bed? my calves cramp at night",
        ],
    );
}

#[test]
fn a_faint_at_the_sight_of_blood_and_blackout_blinds_are_not_collapses() {
    at_most(
        "routine",
        &[
            "I've fainted giving blood since school, silly I know. Calf cramp after my run yesterday.",
            "I sleep in the day with blackout curtains after nights and my eyelid twitches.",
        ],
    );
    at_least(
        "emergency",
        &[
            "I fainted at work today and my calf was cramping beforehand.",
            "had a blackout in the kitchen this morning and my arm is twitching",
        ],
    );
}

#[test]
fn a_relatives_own_story_stays_theirs() {
    at_most(
        "routine",
        &[
            "I've had a twitchy eyelid for a week with exams and coffee. My sister has MS and hers started with numb feet.",
            "I'm drinking loads of coffee and my eyelid twitches. My aunt has MS, and hers began with tingling hands.",
        ],
    );
    at_least(
        "soon",
        &[
            "I've got MS in the family. My hands have been tingling for a week.",
            "It started with tingling in my toes and now both legs are numb",
        ],
    );
}

#[test]
fn sciatica_down_from_the_buttock_is_not_saddle_numbness() {
    at_most(
        "soon",
        &[
            "Sciatica from my buttock down the back of my leg with a bit of tingling in my little toe, bladder and bowels fine.",
            "Sciatica pain from my buttock down the back of my thigh to my calf, and a bit of tingling on the side of my foot.",
        ],
    );
    at_least(
        "emergency",
        &[
            "Low back pain and my bum has gone numb.",
            "Back pain since lifting and now I'm numb around my bottom when I wipe.",
            "My sciatica is bad this week and now my bum cheeks feel numb.",
            "Slipped disc. Since this morning my bottom feels numb and tingly.",
        ],
    );
}

#[test]
fn twitching_in_two_places_after_a_workout_or_passed_by_a_midwife() {
    at_most(
        "routine",
        &[
            "Day after a HIIT class my thighs and shoulders are twitching.",
            "Eye twitching for three weeks with a newborn, the health visitor said it's tiredness.",
        ],
    );
    at_least(
        "soon",
        &[
            "My thighs and shoulders keep twitching, I don't know why.",
            "Eye twitching for three weeks, haven't seen anyone about it.",
        ],
    );
}

#[test]
fn moving_walls_with_drinking_anywhere_in_the_post_but_not_a_twitch_pattern() {
    at_least(
        "emergency",
        &[
            "Stopped drinking two days ago after a bottle of vodka a day, and the walls are moving.",
            "Heavy drinker. I can see the patterns on the carpet moving tonight.",
        ],
    );
    at_most(
        "routine",
        &["Had a glass of wine last night. The twitches come in the same pattern as before and they stop when I move."],
    );
}

#[test]
fn calf_pain_on_walking_that_stood_still_eases_is_claudication() {
    at_least(
        "soon",
        &[
            "My calf aches after walking to the bus stop and it eases once I've stood still for a couple of minutes.",
            "Walking round the park my calf cramps up, and it goes away after a few minutes if I stop walking.",
        ],
    );
    at_most(
        "routine",
        &[
            "Walking to the shop is fine, no pain at all. I get a calf cramp in bed now and then.",
            "I stood still at the bus stop and my eyelid twitched, I'd been walking to work in the cold.",
        ],
    );
}
