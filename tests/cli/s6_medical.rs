//! Session 6, medical red flags: sepsis, giant cell arteritis, high potassium on
//! dialysis, tablets counted out, carbon monoxide and chest pain said without "pain".
//! The wordings are written for these tests.

use crate::spans::{at_least, at_most};

#[test]
fn infection_with_shivering_and_a_grave_sign_is_sepsis() {
    at_least(
        "emergency",
        &[
            "my cut went red and angry yesterday, now shivering, heart racing and skin looks mottled",
            "water infection since monday, today shivering like mad and I feel like im going to die",
            "mum had an operation last week, now shes shivering, breathing fast and confused",
            "chest infection, shivering, breathing really fast and havent peed since morning, cramps everywhere",
        ],
    );
}

#[test]
fn temple_headache_with_jaw_ache_or_sight_change_is_giant_cell_arteritis() {
    at_least(
        "urgent",
        &[
            "I'm 68, headache at my temple for days and my jaw aches when I chew, shoulders stiff",
            "my scalp is tender at the temples and it hurts to chew, calves cramp at night",
        ],
    );
    at_least(
        "emergency",
        &[
            "73, throbbing temple for a week. This morning my vision went blurry in one eye for a bit",
            "pain in my left temple, jaw hurts when I chew, and a curtain came down over my eye briefly",
        ],
    );
}

#[test]
fn dialysis_with_an_odd_heartbeat_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "on dialysis three times a week, cramps and my heart feels funny and slow",
            "dad is a renal patient, haemo on tuesdays, muscles weak and his pulse is slow",
            "stage 5 kidney disease, twitching all over and heart skipping beats",
        ],
    );
}

#[test]
fn tablets_counted_out_are_an_emergency() {
    at_least(
        "emergency",
        &[
            "my son took 8 of his sertraline after we argued, now hes twitchy",
            "she took a handful of codeine after a row and is drowsy",
            "he took the whole strip of propranolol tablets, says hes fine",
        ],
    );
}

#[test]
fn carbon_monoxide_headache_that_goes_on_leaving() {
    at_least(
        "urgent",
        &[
            "nan has a gas fire and headaches all week. I got a headache there too that went when I left",
            "headaches every evening at home but they clear in the fresh air, muscles twitch",
        ],
    );
}

#[test]
fn crushing_pressure_with_sweating_is_chest_pain() {
    at_least(
        "emergency",
        &[
            "not pain exactly, more a crushing pressure and I'm sweating buckets",
            "its a heavy crushing feeling and i'm clammy, arm twitching",
        ],
    );
}

#[test]
fn traps_stay_calm() {
    at_most(
        "soon",
        &[
            "my aunt took an overdose years ago, I just get calf cramps at night",
            "dying to know why my eyelid twitches",
            "the recipe says to simmer it on the gas cooker for an hour, my hand cramps when I stir",
            "took 20 minutes to walk to the shop and my calves cramped",
            "I had a water infection last year, eyelid twitching this week",
            "no shivering, no fever, cut healing fine, thumb twitch",
        ],
    );
}
