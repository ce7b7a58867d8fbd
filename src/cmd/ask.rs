//! `ask`: the follow-up interview in a terminal (issue 10).
//!
//! It drives the same stateless protocol scripts use (`check --json --yes/--no/
//! --unsure`): after each answer the whole query is checked again with every
//! answer so far, and the first of the report's `questions` is put to the person,
//! until `should_stop`, an emergency, or [`MAX_QUESTIONS`]. Then it prints the
//! report `check` prints, with the answers under "You said".
//!
//! The prompts are `inquire`'s: it puts the terminal in raw mode while a prompt
//! waits, restores it on every way out, and reports Esc and Ctrl-C as errors we
//! turn into exit status 130, as a shell does for an interrupted program.

use std::io::{self, IsTerminal, Write};

use engine::ask::{short, Answers, Reply, MAX_QUESTIONS};
use engine::kb::Urgency;
use engine::{Checker, Report};
use inquire::error::InquireError;
use inquire::{MultiSelect, Select, Text};

use crate::cli::{AskArgs, Cli};
use crate::error::{Error, EXIT_NOTHING, EXIT_OK};
use crate::knowledge;
use crate::output::wrap::wrap_hanging;
use crate::output::{colour, text, Style};

/// The exit status after Esc or Ctrl-C: 128 + SIGINT, as shells report it.
pub const EXIT_INTERRUPTED: i32 = 130;

/// The checklist entry that says none of the others apply.
const NONE_OF_THESE: &str = "None of these";

/// Why a prompt did not give an answer.
enum Stop {
    /// Esc or Ctrl-C: leave at once.
    Left,
    Failed(Error),
}

impl From<InquireError> for Stop {
    fn from(e: InquireError) -> Self {
        match e {
            InquireError::OperationCanceled | InquireError::OperationInterrupted => Stop::Left,
            InquireError::IO(e) => Stop::Failed(Error::Io(e)),
            other => Stop::Failed(Error::Usage(format!("the prompt failed: {other}"))),
        }
    }
}

pub fn ask(cli: &Cli, args: &AskArgs, style: Style) -> Result<i32, Error> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Error::Usage(
            "`ask` asks questions in a terminal, and stdin or stdout is not one; in a \
             script, use `twitchcheck check --json` and answer its `questions` with \
             --yes IDS, --no IDS and --unsure IDS"
                .into(),
        ));
    }
    let checker: &Checker = Box::leak(Box::new(knowledge::checker(cli.kb.as_deref())?));
    match interview(checker, args, style) {
        Ok(code) => Ok(code),
        Err(Stop::Left) => {
            println!("Stopped; nothing was saved.");
            Ok(EXIT_INTERRUPTED)
        }
        Err(Stop::Failed(e)) => Err(e),
    }
}

/// Every answer so far, as the id lists `check --yes/--no/--unsure` take.
#[derive(Default)]
struct Given {
    yes: Vec<String>,
    no: Vec<String>,
    unsure: Vec<String>,
}

impl Given {
    fn add(&mut self, id: &str, reply: Reply) {
        let list = match reply {
            Reply::Yes => &mut self.yes,
            Reply::No => &mut self.no,
            Reply::Unsure => &mut self.unsure,
        };
        list.push(id.to_string());
    }

    fn answers(&self, checker: &Checker) -> Result<Answers, Error> {
        Answers::parse(&checker.kb, &self.yes, &self.no, &self.unsure)
            .map_err(|e| Error::Usage(e.to_string()))
    }

    /// The lines shown under "You said": what was answered yes and not sure,
    /// in the checklists' words, and how many were answered no.
    fn lines(&self, checker: &Checker) -> Vec<String> {
        let words = |ids: &[String]| -> String {
            let shown: Vec<&str> = ids.iter().map(|id| short(&checker.kb, id)).collect();
            shown.join("; ")
        };
        let mut lines = Vec::new();
        if !self.yes.is_empty() {
            lines.push(format!("You answered yes to: {}", words(&self.yes)));
        }
        if !self.unsure.is_empty() {
            lines.push(format!("Not sure about: {}", words(&self.unsure)));
        }
        if !self.no.is_empty() {
            lines.push(format!("And no to {} other things asked.", self.no.len()));
        }
        lines
    }
}

fn interview(checker: &Checker, args: &AskArgs, style: Style) -> Result<i32, Stop> {
    let top = usize::from(args.top);
    let mut query = args.text.join(" ");
    let intro = "twitchcheck asks a few questions, then lists likely causes. It is \
                 educational only and for adults; it does not diagnose. Esc or Ctrl-C leaves.";
    print!("{}", wrap_hanging(intro, "", "", usize::from(style.width)));
    // The first message: asked for until something in it is recognized.
    loop {
        if query.trim().is_empty() {
            query = Text::new("What do your muscles do? Describe it in your own words:")
                .with_help_message("for example: my eyelid keeps twitching")
                .prompt()?;
            continue;
        }
        if checker
            .check_with(&query, top, &Answers::default(), false)
            .recognized_anything()
        {
            break;
        }
        if !args.text.is_empty() {
            // Given on the command line: report as `check` does, exit 1.
            let report = checker.check_with(&query, top, &Answers::default(), false);
            print_report(&report, &[], style).map_err(Stop::Failed)?;
            return Ok(EXIT_NOTHING);
        }
        println!(
            "No symptom was recognized in that; try other words, such as \"calf cramps at night\"."
        );
        query.clear();
    }

    let mut given = Given::default();
    let mut asked = 0;
    let report = loop {
        let answers = given.answers(checker).map_err(Stop::Failed)?;
        let report = checker.check_with(&query, top, &answers, true);
        let done = report.should_stop || asked >= MAX_QUESTIONS;
        // An emergency ends the interview at once: the banner matters, not the cause.
        let Some(question) = report.questions.first().filter(|_| !done) else {
            break report;
        };
        if report.urgency == Urgency::Emergency {
            break report;
        }
        asked += 1;
        let progress = format!("Question {asked} of at most {MAX_QUESTIONS}");
        println!("\n{}", colour::paint(&progress, colour::BOLD, style));
        if let [id] = question.ids[..] {
            given.add(id, yes_no(&question.text)?);
        } else {
            let ticked = checklist(checker, &question.text, &question.ids)?;
            for id in &question.ids {
                let reply = if ticked.contains(id) {
                    Reply::Yes
                } else {
                    Reply::No
                };
                given.add(id, reply);
            }
        }
    };
    println!();
    print_report(&report, &given.lines(checker), style).map_err(Stop::Failed)?;
    Ok(EXIT_OK)
}

/// One yes / no / not sure question.
fn yes_no(question: &str) -> Result<Reply, Stop> {
    let choice = Select::new(question, vec!["Yes", "No", "Not sure"])
        .with_help_message("↑↓ to move, Enter to answer, Esc to leave")
        .prompt()?;
    Ok(match choice {
        "Yes" => Reply::Yes,
        "No" => Reply::No,
        _ => Reply::Unsure,
    })
}

/// A checklist: the ids ticked. Ticking nothing, or "None of these", is a no to each.
fn checklist<'kb>(
    checker: &'kb Checker,
    text: &str,
    ids: &[&'kb str],
) -> Result<Vec<&'kb str>, Stop> {
    // The question's lead ("Do you have any of these right now"), without the list.
    let lead = text.split(':').next().unwrap_or(text).trim();
    let mut options: Vec<&str> = ids.iter().map(|id| short(&checker.kb, id)).collect();
    options.push(NONE_OF_THESE);
    let page = options.len().min(14);
    let ticked = MultiSelect::new(&format!("{lead}?"), options)
        .with_help_message(
            "Space to tick, Enter when done (ticking nothing means none), Esc to leave",
        )
        .with_page_size(page)
        .without_filtering()
        .with_formatter(&|ticked| match ticked {
            [] => "none".to_string(),
            _ => ticked
                .iter()
                .map(|o| *o.value)
                .collect::<Vec<_>>()
                .join("; "),
        })
        .with_validator(|chosen: &[inquire::list_option::ListOption<&&str>]| {
            let none = chosen.iter().any(|o| *o.value == NONE_OF_THESE);
            Ok(if none && chosen.len() > 1 {
                inquire::validator::Validation::Invalid(
                    "\"None of these\" cannot go with other ticks".into(),
                )
            } else {
                inquire::validator::Validation::Valid
            })
        })
        .raw_prompt()?;
    Ok(ticked
        .iter()
        .filter(|o| o.index < ids.len())
        .map(|o| ids[o.index])
        .collect())
}

fn print_report(report: &Report, answers: &[String], style: Style) -> Result<(), Error> {
    let view = text::CheckView {
        explain: false,
        full: false,
        answers,
    };
    let mut out = io::stdout().lock();
    out.write_all(text::check(report, view, style).as_bytes())?;
    out.flush()?;
    Ok(())
}
