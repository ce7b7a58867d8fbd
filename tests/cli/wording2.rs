//! Everyday wordings of red flags that already exist (session 6, s6-wording2):
//! ketone numbers, a curtain over one eye, a head knock on a blood thinner, arm
//! and jaw ache with clamminess, a hypo that will not swallow, a cola simile, speech
//! gone strange, heat illness no better after cooling, carbon monoxide at home,
//! alcohol withdrawal, a spreading infection, tingling after thyroid surgery and
//! purging with a funny heart. The wordings are written for these tests; each group
//! has traps that must stay calm.

use crate::spans::{at_least, at_most};

#[test]
fn dka_ketone_numbers_and_deep_breathing() {
    at_least(
        "emergency",
        &[
            "type 1 diabetic, vomiting all morning and my ketones are 4.1, calves cramping",
            "my daughter is on insulin, she's been sick three times, blood ketones reading 3.8",
            "T1 here, throwing up and breathing deep and fast, legs keep cramping",
        ],
    );
    at_most(
        "urgent",
        &[
            "type 1, ketones 0.3 this morning, just a calf cramp overnight",
            "I'm 38 and type 2, leg cramps at night, vomited once after a curry",
        ],
    );
}

#[test]
fn part_of_sight_gone_in_one_eye() {
    at_least(
        "emergency",
        &[
            "suddenly can't see out of the top half of my left eye, eyelid was twitching",
            "it's like a black curtain coming down over my right eye, I can't see through it",
        ],
    );
    at_most(
        "soon",
        &[
            "my left eyelid twitches all day, it's annoying but I can see fine",
            "no curtain or shadow over my eye, vision normal, just eyelid twitching",
        ],
    );
}

#[test]
fn head_knock_on_a_blood_thinner() {
    at_least(
        "emergency",
        &[
            "dad is on apixaban. He tripped on the stairs and hit his head on the banister, seems fine",
            "I take rivaroxaban and I bumped my head on the cupboard door this morning, calf cramps too",
        ],
    );
    at_most(
        "soon",
        &["I'm on warfarin and get calf cramps at night, no falls or knocks"],
    );
}

#[test]
fn arm_and_jaw_ache_with_clamminess() {
    at_least(
        "emergency",
        &[
            "dull ache in my left arm and up into my jaw for half an hour, sweaty and feel sick",
            "husband says his arm and jaw are aching, he's gone pale and clammy",
        ],
    );
    at_most(
        "soon",
        &["my jaw aches from grinding my teeth and my left arm twitches"],
    );
}

#[test]
fn hypo_that_will_not_swallow() {
    at_least(
        "emergency",
        &[
            "my husband is diabetic on insulin, shaky and confused and we can't get him to drink the lucozade",
            "dad has diabetes, sweating and muddled, he won't swallow the jelly babies",
        ],
    );
}

#[test]
fn urine_like_a_dark_drink_after_exercise() {
    at_least(
        "emergency",
        &[
            "after leg day my thighs are agony and my pee looks like coke",
            "ran a marathon, calves cramping, and urine look like cola drink this morning",
        ],
    );
    at_most(
        "soon",
        &["I drink a lot of cola drink and my calves twitch"],
    );
}

#[test]
fn speech_gone_strange_with_a_clumsy_hand() {
    at_least(
        "emergency",
        &[
            "my mum's words are coming out wrong and her left hand has gone clumsy",
            "his speech went weird about 20 minutes ago and his right arm is weak",
        ],
    );
    at_most("soon", &["my thumb twitches when I'm talking on the phone"]);
}

#[test]
fn heat_illness_no_better_after_cooling() {
    at_least(
        "emergency",
        &[
            "working outside in the heat all day, cramps, sick, sat in the shade drinking water for 45 mins and still feel terrible",
            "at the festival in the sun, now in the shade with a fan and water for an hour, not improving, cramps and dizzy",
        ],
    );
    at_most(
        "soon",
        &["calf cramps every summer, I drink water and they go"],
    );
}

#[test]
fn carbon_monoxide_at_home() {
    at_least(
        "urgent",
        &[
            "The whole family keeps getting headaches, me and the kids. We've got an old gas fire in the lounge",
            "Headaches every day, they go away when I'm at work. The pilot light on the boiler burns yellow",
        ],
    );
    at_most(
        "soon",
        &["I get headaches and eyelid twitching from screens at work"],
    );
}

#[test]
fn alcohol_withdrawal_after_stopping() {
    at_least(
        "urgent",
        &[
            "stopped drinking two days ago after years of a bottle of wine a night, hands shaky and sweating",
            "I stopped the booze on saturday after drinking heavy for years, since sunday shaking and sweating",
        ],
    );
    at_most(
        "soon",
        &["I gave up drinking 5 years ago and my eyelid twitches sometimes"],
    );
}

#[test]
fn spreading_infection_from_a_cut_or_bite() {
    at_least(
        "urgent",
        &[
            "the cat bit my hand two days ago, now it's red hot and swollen and I've got a temperature",
            "scratched my leg on a fence, there's a red streak going up to my knee and I feel shivery",
        ],
    );
    at_most(
        "soon",
        &["cut my finger cooking last week, healed fine, calf cramps at night"],
    );
}

#[test]
fn tingling_after_thyroid_surgery() {
    at_least(
        "urgent",
        &[
            "had my thyroid removed on Monday. Today pins and needles round my mouth and fingers cramping",
            "after the surgery on my thyroid last week my hands keep going stiff and tingly",
        ],
    );
}

#[test]
fn purging_with_a_funny_heart() {
    at_least(
        "urgent",
        &[
            "my son has been making himself sick after meals, cramps in his legs and his heart feels weird",
            "I've been restricting food for months, muscles cramp and my heart keeps fluttering",
        ],
    );
}
