//! Someone else's red flag, told across clauses and sentences, beside the
//! writer's own calm symptom: the sign is theirs (`experiencer::others_clauses`).
//! The same sign said of the writer, or a message only about the other person,
//! still fires. The wordings are written for these tests.

use crate::spans::{at_least, at_most};

#[test]
fn another_persons_sign_told_beside_the_writers_own_stays_calm() {
    at_most(
        "soon",
        &[
            "my housemate says his feet went numb and he couldn't hold his pee, his girlfriend took him to hospital. I'm ok, just my eyelid flickers",
        ],
    );
}

#[test]
fn the_same_signs_said_of_the_writer_still_fire() {
    at_least(
        "emergency",
        &[
            "my wife says my face is drooping on one side and my calf twitches",
            "my feet went numb and I couldn't hold my pee, my housemate is fine",
            "she says I'm slurring my words and my arm keeps twitching",
        ],
    );
    // Writing only about the other person: their sign is the patient's own.
    at_least(
        "emergency",
        &[
            "my husband's feet went numb and he can't hold his pee, his back spasms",
            "posting for my husband, he's confused and drowsy after the marathon and I think he's just tired",
        ],
    );
}
