//! `twitchcheck ask`, the interview in a terminal (issue 10): refused without a
//! terminal, and driven for real in a pseudo-terminal (tmux) where one is
//! installed; skipped with the reason printed where it is not.

use crate::terminal::Tmux;
use crate::twitchcheck;

#[test]
fn without_a_terminal_ask_says_to_use_check_json() {
    let out = twitchcheck()
        .args(["ask", "calf", "cramps"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("twitchcheck: "), "{stderr}");
    assert!(stderr.contains("check --json"), "{stderr}");
    assert!(stderr.contains("--yes"), "{stderr}");
    assert!(out.stdout.is_empty());
}

const END: &str = "__END__";

/// Starts `twitchcheck ask ARGS` in a 100×60 terminal; after it ends the screen
/// shows its exit status and whether the terminal is back in its normal
/// (canonical, echoing) mode.
fn start(args: &str) -> Option<Tmux> {
    let command = format!(
        "twitchcheck --color never ask {args}; echo \"EXIT=$?\"; \
         stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; \
         printf '\\n{END}\\n'; exec sleep 600"
    );
    Tmux::start(100, 60, &command, &[])
}

/// The number in the last "Question N of at most 10" line, if any.
fn last_question(screen: &str) -> Option<usize> {
    screen
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Question "))
        .filter_map(|l| l.split(' ').next()?.parse().ok())
        .next_back()
}

#[test]
fn an_interview_answered_none_ends_with_the_report_and_the_answers() {
    let Some(tmux) = start("calf cramps at night") else {
        return;
    };
    // Answer every question with Enter: "none" on a checklist, "Yes" on a
    // single question (the first choice), until the report is printed.
    let mut answered = 0;
    loop {
        let screen = tmux.wait_for("a question or the end", |s| {
            s.contains(END) || last_question(s) > Some(answered)
        });
        if screen.contains(END) {
            break;
        }
        answered = last_question(&screen).unwrap();
        assert!(answered <= 10, "more than 10 questions:\n{screen}");
        if answered == 1 {
            assert!(
                screen.contains("Do you have any of these right now?"),
                "{screen}"
            );
            assert!(screen.contains("Trouble breathing"), "{screen}");
            assert!(screen.contains("None of these"), "{screen}");
        }
        tmux.send(&["Enter"]);
    }
    let screen = tmux.screen(false);
    assert!(answered >= 3, "only {answered} questions:\n{screen}");
    assert!(
        screen.contains("You said: calf cramps at night"),
        "{screen}"
    );
    assert!(screen.contains("other things asked"), "{screen}");
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert!(
        screen.contains("icanon echo"),
        "terminal not restored:\n{screen}"
    );
}

#[test]
fn an_emergency_answer_stops_at_once_with_the_banner() {
    let Some(tmux) = start("my calves keep cramping") else {
        return;
    };
    tmux.wait_for("the first question", |s| s.contains("None of these"));
    // The first checklist's first entry is trouble breathing: tick it.
    tmux.send(&["Space"]);
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("the end", |s| s.contains(END));
    assert_eq!(last_question(&screen), Some(1), "{screen}");
    assert!(screen.contains("EMERGENCY"), "{screen}");
    assert!(
        screen.contains("You answered yes to: Trouble breathing"),
        "{screen}"
    );
    assert!(screen.contains("EXIT=0"), "{screen}");
}

#[test]
fn the_first_message_is_asked_for_when_none_is_given() {
    let Some(tmux) = start("") else {
        return;
    };
    tmux.wait_for("the first message prompt", |s| {
        s.contains("What do your muscles do?")
    });
    tmux.send(&["my eyelid keeps twitching", "Enter"]);
    let screen = tmux.wait_for("the first question", |s| last_question(s) == Some(1));
    assert!(screen.contains("Trouble breathing"), "{screen}");
    tmux.send(&["Escape"]);
    let screen = tmux.wait_for("the end", |s| s.contains(END));
    assert!(screen.contains("EXIT=130"), "{screen}");
}

#[test]
fn ctrl_c_leaves_with_130_and_a_sane_terminal() {
    let Some(tmux) = start("my eyelid keeps twitching") else {
        return;
    };
    tmux.wait_for("the first question", |s| s.contains("None of these"));
    tmux.send(&["C-c"]);
    let screen = tmux.wait_for("the end", |s| s.contains(END));
    assert!(screen.contains("EXIT=130"), "{screen}");
    assert!(
        screen.contains("icanon echo"),
        "terminal not restored:\n{screen}"
    );
    assert!(
        !screen.contains("You said"),
        "no report after Ctrl-C:\n{screen}"
    );
}
