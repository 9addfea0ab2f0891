//! The command line in the reader's language: `--help`, the usage lines and
//! the argument errors clap would print in English are rendered from the
//! catalogues. Each command's summary is the message `cli-cmd-NAME`, each
//! argument's help its attribute (`cli-cmd-build.out`); the headings,
//! defaults, possible values and errors are messages of their own.
//!
//! The language is known before the arguments are parsed: `--lang` read
//! ahead of clap, else the locale (a spec's `language` cannot count yet).

use super::*;
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;

/// `--lang` as the arguments give it, read before clap parses them (the
/// last one counts, as it does for clap); `None` when absent or not a
/// language cxc speaks (clap then reports it).
pub(super) fn language_flag(args: &[OsString]) -> Option<Language> {
    let mut found = None;
    let mut words = args.iter().map(|a| a.to_str().unwrap_or_default());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("en") => found = Some(Language::En),
            Some("ru") => found = Some(Language::Ru),
            _ => {}
        }
    }
    found
}

/// The whole command line, its help in `language`.
pub(super) fn command(language: Language) -> Command {
    let command = <Cli as clap::CommandFactory>::command();
    let version = lookup("cxc", Some("version"), language);
    localised(command, "cxc", language)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(version)
                .help_heading(crate::msg!("cli-heading-options").text(language)),
        )
}

fn lookup(command: &str, attribute: Option<&str>, language: Language) -> String {
    let id = format!("cli-cmd-{command}");
    crate::i18n::lookup(&id, attribute, language).unwrap_or_default()
}

/// `command` and its subcommands with every text from the catalogue.
fn localised(command: Command, name: &str, language: Language) -> Command {
    let usage = crate::msg!("cli-heading-usage").text(language);
    let options = crate::msg!("cli-heading-options").text(language);
    let arguments = crate::msg!("cli-heading-arguments").text(language);
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut command = command
        .about(lookup(name, None, language))
        .long_about(None::<&'static str>)
        .subcommand_value_name(crate::msg!("cli-usage-command").text(language))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(crate::msg!("cli-heading-commands").text(language))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(lookup("cxc", Some("help"), language))
                .help_heading(options.clone()),
        );
    for id in ids {
        let help = lookup(name, Some(&id), language);
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                &arguments
            } else {
                &options
            };
            let help = help + &values(&arg, language);
            let arg = placeholder(arg, language)
                .help(help)
                .long_help(None::<&'static str>)
                .help_heading(heading.clone());
            // Said by `values` instead; clap refuses these on a flag.
            if arg.get_action().takes_values() {
                arg.hide_default_value(true).hide_possible_values(true)
            } else {
                arg
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in names {
        command = command.mut_subcommand(&sub, |c| localised(c, &sub, language));
    }
    command
}

/// An argument's value placeholder (`--out <DIR>`, `[PATHS]...`) in
/// `language`: what to write there, in the reader's words. A name the
/// catalogue does not know stays as clap has it (a test holds every
/// argument to a known one).
fn placeholder(arg: Arg, language: Language) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    };
    let said: Option<Vec<String>> = names
        .iter()
        .map(|n| value_name(n).map(|m| m.text(language)))
        .collect();
    match said {
        Some(said) => arg.value_names(said),
        None => arg,
    }
}

/// The catalogue's word for a placeholder clap names `name` (the
/// argument's `value_name`, else its id in capitals); `N` is the same in
/// every language.
fn value_name(name: &str) -> Option<crate::i18n::Message> {
    Some(match name {
        "DIR" => crate::msg!("cli-value-dir"),
        "FILE" => crate::msg!("cli-value-file"),
        "PATHS" => crate::msg!("cli-value-files"),
        "SIZE" => crate::msg!("cli-value-size"),
        "LANG" => crate::msg!("cli-value-language"),
        "COLOR" => crate::msg!("cli-value-color"),
        "FORMAT" => crate::msg!("cli-value-format"),
        "TODAY" | "FROM" | "TO" => crate::msg!("cli-value-date"),
        "TARGET" => crate::msg!("cli-value-target"),
        "SHELL" => crate::msg!("cli-value-shell"),
        "JOURNEY" => crate::msg!("cli-value-journey"),
        "DENY" => crate::msg!("cli-value-deny"),
        "TOPIC" => crate::msg!("cli-value-topic"),
        "CODE" => crate::msg!("cli-value-code"),
        _ => return None,
    })
}

/// The man page (roff) in `language`: clap_mangen's text from the
/// localised command, its section headings (NAME, SYNOPSIS…, which it
/// writes in English) from the catalogue, in capitals as man pages have
/// them.
pub(super) fn man_page(language: Language) -> std::io::Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command(language)).render(&mut page)?;
    let page = String::from_utf8_lossy(&page);
    let mut out = String::with_capacity(page.len());
    for line in page.lines() {
        match line.strip_prefix(".SH ") {
            Some(heading) => {
                let heading = heading.trim_matches('"');
                let said = man_heading(heading).map_or(heading.to_string(), |m| m.text(language));
                out.push_str(&format!(".SH \"{}\"\n", said.to_uppercase()));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

fn man_heading(heading: &str) -> Option<crate::i18n::Message> {
    Some(match heading {
        "NAME" => crate::msg!("cli-man-name"),
        "SYNOPSIS" => crate::msg!("cli-man-synopsis"),
        "DESCRIPTION" => crate::msg!("cli-man-description"),
        "OPTIONS" => crate::msg!("cli-heading-options"),
        "SUBCOMMANDS" => crate::msg!("cli-heading-commands"),
        "EXTRA" => crate::msg!("cli-man-extra"),
        "VERSION" => crate::msg!("cli-man-version"),
        "AUTHORS" => crate::msg!("cli-man-authors"),
        _ => return None,
    })
}

/// ` [default: human] [possible values: human, json]` in `language`, what
/// clap would append in English.
fn values(arg: &Arg, language: Language) -> String {
    let mut out = String::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        let text = crate::msg!("cli-default", value = defaults.join(", ")).text(language);
        out.push_str(&format!(" [{text}]"));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() && !matches!(arg.get_action(), ArgAction::SetTrue) {
        let text = crate::msg!("cli-values", values = possible.join(", ")).text(language);
        out.push_str(&format!(" [{text}]"));
    }
    out
}

/// A parse error as the catalogue says it: the message, a tip, the usage
/// line, where to read more. Help and the version are printed as clap
/// renders them (from the localised command).
pub(super) fn render_error(error: &clap::Error, language: Language) -> String {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return placeholders(&error.render().to_string(), language);
    }
    let text = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(s)) => s
            .iter()
            .map(StyledStr::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = || text(ContextKind::InvalidArg);
    let value = || text(ContextKind::InvalidValue);
    let message = match error.kind() {
        ErrorKind::MissingRequiredArgument => crate::msg!("cli-arg-missing", args = arg()),
        ErrorKind::MissingSubcommand => crate::msg!(
            "cli-arg-missing-command",
            command = text(ContextKind::InvalidSubcommand),
            commands = text(ContextKind::ValidSubcommand)
        ),
        ErrorKind::UnknownArgument => crate::msg!("cli-arg-unknown", arg = arg()),
        ErrorKind::InvalidSubcommand => crate::msg!(
            "cli-arg-unknown-command",
            command = text(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue if value().is_empty() => {
            crate::msg!("cli-arg-no-value", arg = arg())
        }
        ErrorKind::InvalidValue => {
            crate::msg!("cli-arg-invalid-value", value = value(), arg = arg())
        }
        ErrorKind::ValueValidation => crate::msg!(
            "cli-arg-validation",
            value = value(),
            arg = arg(),
            reason = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
        ErrorKind::NoEquals => crate::msg!("cli-arg-no-equals", arg = arg()),
        ErrorKind::TooManyValues => crate::msg!("cli-arg-too-many", value = value(), arg = arg()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => crate::msg!(
            "cli-arg-count",
            arg = arg(),
            expected = text(ContextKind::ExpectedNumValues),
            actual = text(ContextKind::ActualNumValues)
        ),
        ErrorKind::ArgumentConflict if text(ContextKind::PriorArg) == arg() => {
            crate::msg!("cli-arg-twice", arg = arg())
        }
        ErrorKind::ArgumentConflict => crate::msg!(
            "cli-arg-conflict",
            arg = arg(),
            other = text(ContextKind::PriorArg)
        ),
        ErrorKind::InvalidUtf8 => crate::msg!("cli-arg-utf8"),
        _ => crate::msg!("cli-arg-other"),
    };
    let mut out = crate::msg!("cli-error", message = message.text(language)).text(language);
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(text)
    .find(|s| !s.is_empty());
    if let Some(name) = suggested {
        let tip = crate::msg!("did-you-mean", name = name).text(language);
        out.push_str(&format!("\n\n  {tip}"));
    } else if error.kind() == ErrorKind::InvalidValue && !value().is_empty() {
        let values = text(ContextKind::ValidValue);
        if !values.is_empty() {
            let tip = crate::msg!("cli-values", values = values).text(language);
            out.push_str(&format!("\n\n  {tip}"));
        }
    }
    if !text(ContextKind::TrailingArg).is_empty()
        || error.kind() == ErrorKind::UnknownArgument
            && arg().starts_with('-')
            && text(ContextKind::SuggestedArg).is_empty()
    {
        let tip = crate::msg!("cli-arg-tip-value-escape", arg = arg()).text(language);
        out.push_str(&format!("\n\n  {tip}"));
    }
    let usage = placeholders(&text(ContextKind::Usage), language);
    if let Some(usage) = usage.trim().split_once(':').map(|(_, u)| u.trim()) {
        let line = crate::msg!("cli-usage", usage = usage).text(language);
        out.push_str(&format!("\n\n{line}"));
    }
    let more = crate::msg!("cli-more", help = "--help").text(language);
    out.push_str(&format!("\n\n{more}\n"));
    out
}

/// clap's usage placeholders (`[OPTIONS]`, `<COMMAND>`) in `language`;
/// value names (`<DIR>`) are the command's own ([`placeholder`]).
pub(super) fn placeholders(text: &str, language: Language) -> String {
    let options = crate::msg!("cli-usage-options").text(language);
    let command = crate::msg!("cli-usage-command").text(language);
    text.replace("[OPTIONS]", &format!("[{options}]"))
        .replace("<COMMAND>", &format!("<{command}>"))
        .replace("[COMMAND]", &format!("[{command}]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_flag_is_read_before_parsing() {
        assert_eq!(
            language_flag(&args(&["cxc", "--lang", "ru", "check"])),
            Some(Language::Ru)
        );
        assert_eq!(
            language_flag(&args(&["cxc", "check", "--lang=ru"])),
            Some(Language::Ru)
        );
        assert_eq!(
            language_flag(&args(&["cxc", "--lang", "ru", "--lang", "en"])),
            Some(Language::En)
        );
        assert_eq!(language_flag(&args(&["cxc", "--lang", "de"])), None);
        assert_eq!(language_flag(&args(&["cxc", "--", "--lang", "ru"])), None);
    }

    /// Every command and argument has its help in both languages, and no
    /// English is left in the Russian help.
    #[test]
    fn every_command_and_argument_is_in_the_catalogues() {
        for language in [Language::En, Language::Ru] {
            let mut command = command(language);
            command.build();
            let mut pending = vec![command];
            while let Some(c) = pending.pop() {
                assert!(
                    !c.get_about()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                        .is_empty(),
                    "{}",
                    c.get_name()
                );
                for a in c.get_arguments() {
                    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
                    assert!(
                        !help.is_empty(),
                        "{} {}: no help in {language:?}",
                        c.get_name(),
                        a.get_id()
                    );
                }
                pending.extend(c.get_subcommands().cloned());
            }
        }
    }

    /// Every argument that takes a value names it in the reader's words:
    /// a new argument whose placeholder the catalogue does not know fails
    /// here, not in a Russian reader's terminal.
    #[test]
    fn every_placeholder_is_in_the_catalogues() {
        let mut command = command(Language::Ru);
        command.build();
        let mut pending = vec![command];
        while let Some(c) = pending.pop() {
            for a in c.get_arguments().filter(|a| a.get_action().takes_values()) {
                for name in a.get_value_names().unwrap_or_default() {
                    assert!(
                        name.as_str() == "N" || !name.chars().any(|c| c.is_ascii_alphabetic()),
                        "{} {}: <{name}>",
                        c.get_name(),
                        a.get_id()
                    );
                }
                assert!(a.get_value_names().is_some(), "{}", a.get_id());
            }
            pending.extend(c.get_subcommands().cloned());
        }
    }

    #[test]
    fn russian_help_has_russian_headings() {
        let mut command = command(Language::Ru);
        command.build();
        let build = command.find_subcommand_mut("build").unwrap();
        let help = placeholders(&build.render_long_help().to_string(), Language::Ru);
        for word in [
            "Использование:",
            "Аргументы:",
            "Параметры:",
            "Показать справку",
            "Папка для результатов",
        ] {
            assert!(help.contains(word), "{word}: {help}");
        }
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Print help",
            "default:",
            "possible values",
        ] {
            assert!(!help.contains(english), "{english}: {help}");
        }
        let top = placeholders(&command.render_long_help().to_string(), Language::Ru);
        assert!(
            top.contains("Команды:") && !top.contains("Commands"),
            "{top}"
        );
    }
}
