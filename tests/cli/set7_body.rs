//! Body red flags the seventh blind set missed in everyday words (blind7 h2),
//! each kind said in wordings written for these tests, never copied from the set:
//! a heart attack felt as a crushing ache down the left arm with sweating or
//! sickness, saddle numbness said as not feeling the seat, a clot in the lung with
//! blood coughed or spat up, a cold pale, blue or mottled limb that is numb or will
//! not move, high potassium with kidney disease, and anaemia in lay words. Each
//! kind has traps that must stay routine.

use crate::spans::{at_least, at_most};

#[test]
fn heart_attack_without_the_word_chest() {
    at_least(
        "emergency",
        &[
            "heavy squeezing ache spreading down my left arm, sweating buckets and feel like I'm going to throw up",
            "my calf keeps cramping and now there's a tight pressure going into my jaw and I'm all clammy",
            "arm cramp earlier and now a crushing pain down my left arm, feel sick and grey",
        ],
    );
    at_most(
        "routine",
        &[
            "my dad had a heart attack years ago, I just have a twitchy calf",
            "left arm aches after the gym, no sweating, no sickness, just a cramp in my bicep",
            "no chest pain, no left arm ache, not sweaty, just twitchy eyelids",
            "my left arm aches from the covid jab and I feel a bit sick",
        ],
    );
}

#[test]
fn saddle_numbness_said_as_not_feeling_the_seat() {
    at_least(
        "emergency",
        &[
            "my back keeps going into spasm and I can't feel the chair when I sit down",
            "lower back spasms for two days and today I can barely feel the loo seat when I sit on it",
            "back muscles in spasm, feels like sitting on a numb pad, cant feel the seat",
        ],
    );
    at_most(
        "routine",
        &["my back spasms when I sit on a hard chair for hours at work"],
    );
}

#[test]
fn clot_in_the_lung_in_everyday_words() {
    at_least(
        "emergency",
        &[
            "had a long flight, my calf cramped and it's been swollen and sore all week, now I'm coughing blood",
            "my leg is swollen and tender since the operation and I've been spitting up blood this morning",
            "on HRT, my calf has been achy, it's swollen and hot to touch, and now it hurts when I take a deep breath",
        ],
    );
    at_most("routine", &[
        "what would happen if my leg swelled and I coughed up blood? currently just a foot cramp",
        "my sister coughed up blood with a chest infection last year, my calf just cramps",
    ]);
}

#[test]
fn cold_pale_numb_limb_without_the_word_sudden() {
    at_least(
        "emergency",
        &[
            "mum's foot has gone mottled and cold and she can't feel her toes, it started with a cramp",
            "my foot's gone a greyish white colour, it's cold to touch and I can't wiggle my toes",
            "after the cramp my arm looks waxy and pale, it's freezing and I can't feel my hand",
        ],
    );
    at_most("routine", &[
        "my feet are always cold in winter and I get toe cramps",
        "my fingers go white in the cold and come back after a few minutes, also get hand cramps",
        "my foot is not pale or cold and I can move my toes, it just cramps at night",
    ]);
    // Raynaud's and cold exposure: numbness may still ask for a doctor, never an ambulance.
    at_most("urgent", &[
        "my hands go white and cold and numb when it's cold outside, then red when they warm up",
        "my feet are pale and cold and numb after swimming in the sea",
    ]);
}

#[test]
fn kidney_disease_with_weakness_and_a_fluttering_heart() {
    at_least(
        "emergency",
        &[
            "I have chronic kidney disease, my legs feel weak and heavy and my heart keeps fluttering",
            "my husband has kidney failure, he's twitchy and weak and says his heartbeat feels irregular",
        ],
    );
    at_most(
        "routine",
        &["my grandad has kidney disease, I just get leg cramps after football"],
    );
}

#[test]
fn anaemia_in_lay_words() {
    at_least(
        "soon",
        &[
            "always exhausted, get out of breath walking up a hill and my mum says I look pasty, and I get calf cramps",
            "cramps in my feet. My periods are like a bloodbath. I'm drained all the time.",
            "periods soaking through everything every month, I'm so tired, and my legs cramp at night",
        ],
    );
    at_most(
        "routine",
        &["tired after night shifts and my calf cramps, periods are normal"],
    );
}
