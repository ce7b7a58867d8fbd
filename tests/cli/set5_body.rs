//! Body red flags the fifth blind set found missing (issue: blind5 r1), each kind
//! said in wordings written for these tests, never copied from the set: passing
//! little or no urine after exertion or with back pain, bowel leakage without
//! feeling it, one calf bigger after a long journey, a missed dialysis session,
//! pre-eclampsia, a sudden cold white foot, alcohol withdrawal with
//! hallucinations, too much water then confusion, and a thunderclap headache.
//! Each kind has traps that must stay routine (negated, someone else's past, a
//! "what if").

use crate::spans::{at_least, at_most};

#[test]
fn little_or_no_urine_after_exertion_is_urgent() {
    at_least(
        "urgent",
        &[
            "did a brutal crossfit wod yesterday, legs cramping like mad and I've barely needed a wee since",
            "mate ran an ultra on saturday, calves spasming and he hasnt had a piss all day",
            "after the marathon my thighs keep cramping and I can't pee at all",
            "gym session from hell, arms locked up, hardly been to the toilet since this morning",
        ],
    );
    at_most(
        "routine",
        &[
            "leg day yesterday, quads cramping a bit, peeing normally and plenty of it",
            "what if I stopped peeing after a long run? my calves cramp sometimes",
        ],
    );
}

#[test]
fn back_spasm_with_no_urine_or_unnoticed_bowel_leakage_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "lower back went into spasm lifting the sofa and since then I cant pee even though I need to",
            "my dad's back has been in spasm for two days and he hasn't been able to wee since last night",
            "bad back spasms, and I've been soiling myself without realising it",
            "back twinges all week, now poo is leaking out and I didn't even feel it",
        ],
    );
    at_most(
        "routine",
        &[
            "back spasms after gardening, no problems peeing or with my bowels",
            "my back cramps up at night; my nan had bowel leakage years ago",
        ],
    );
}

#[test]
fn one_calf_bigger_after_a_long_journey_is_urgent() {
    at_least(
        "urgent",
        &[
            "flew back from Sydney yesterday, my left calf cramps and it's visibly bigger than the right",
            "after a 10 hour bus trip my calf is tight and thicker than the other one",
            "long haul flight, now one calf is swollen compared to the other and it aches",
        ],
    );
    at_most(
        "routine",
        &[
            "long drive yesterday, calves crampy but both look the same, no swelling",
            "my right calf has always been bigger than my left from football, occasional cramps",
        ],
    );
}

#[test]
fn a_missed_dialysis_session_with_weakness_or_palpitations_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "skipped my dialysis yesterday and now my arms and legs are weak and my heart feels irregular",
            "mum missed her haemodialysis on monday, she's really weak and twitchy and says her heart is racing",
            "didn't go to dialysis this week, muscles feel floppy and heart is skipping beats",
        ],
    );
    at_most(
        "routine",
        &["on dialysis for years, never miss a session, just the odd cramp during it"],
    );
}

#[test]
fn pre_eclampsia_signs_in_pregnancy_are_urgent() {
    at_least(
        "urgent",
        &[
            "I'm 33 weeks pregnant. Since this morning I've had a banging headache. My feet twitch at night.",
            "pregnant with twins, my face has puffed up suddenly and my wedding ring is stuck",
            "36 weeks along and seeing flashing zigzags, also leg cramps",
            "my partner is expecting, she says there's a pain under her right ribs and her hands are puffy",
        ],
    );
    at_most(
        "routine",
        &["pregnant and getting leg cramps at night, no headaches, no swelling"],
    );
}

#[test]
fn a_sudden_cold_white_painful_foot_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my leg suddenly went white and cold and it's agony, thought it was cramp",
            "grandad's foot turned pale and cold out of nowhere half an hour ago and he's in pain",
            "all of a sudden my toes are icy and white and the foot hurts badly",
        ],
    );
    at_most(
        "routine",
        &["my feet are always cold in winter and I get toe cramps"],
    );
}

#[test]
fn alcohol_withdrawal_with_hallucinations_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "day 3 off the booze, shaking and sweating and I can see bugs on the ceiling that aren't real",
            "my brother stopped drinking on sunday, he's trembling and hearing voices",
            "quit the grog, hands jumping and the walls are moving",
            "dad's a heavy drinker, stopped two days ago, now sweaty and shouting at someone who isn't there",
        ],
    );
    at_most(
        "routine",
        &[
            "what if I get the shakes when I give up beer? for now just an eyelid twitch",
            "my friend once had the DTs years ago; I just have a twitchy thumb",
        ],
    );
}

#[test]
fn too_much_water_then_confusion_is_urgent() {
    at_least(
        "urgent",
        &[
            "been downing water all day for a detox, now cramping, headache and I feel muddled",
            "drank about 6 litres of water today, legs twitching and I can't think straight",
            "my son drank loads of water after football and now he's confused with cramps",
        ],
    );
    at_most(
        "routine",
        &["I drink lots of water every day and get the odd cramp"],
    );
}

#[test]
fn a_thunderclap_headache_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "sudden worst headache of my life while lifting, neck twitching",
            "my head suddenly felt like it exploded during sex, now I feel sick",
            "a headache hit me like a hammer out of nowhere, full strength in seconds",
            "dad got a thunderclap headache an hour ago and his arm keeps jerking",
            "not sure if it matters but I had a sudden splitting headache that peaked within a minute",
        ],
    );
    at_most(
        "routine",
        &[
            "had a thunderclap headache two years ago, it was checked; now just eyelid twitching",
            "no sudden headache, just calf cramps after running",
        ],
    );
}
