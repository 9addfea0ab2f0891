use super::*;
use jiff::civil::DateTime;
use jiff::Timestamp;

fn read_csv(text: &[u8], columns: &Columns) -> Vec<Result<Contact, BadRow>> {
    let mut out = Vec::new();
    csv_rows::<Contact>(std::io::Cursor::new(text.to_vec()), columns, |r| {
        out.push(owned(r))
    });
    out
}

#[test]
fn exports_as_they_are_bom_crlf_and_quoted_line_breaks() {
    let text = "\u{feff}id,segment,channel,created,answered,note\r\n\
                c1,vip,phone,2026-10-01T09:14:03+03:00,2026-10-01T09:14:20+03:00,\"a, b\"\r\n\
                c2,vip,phone,2026-10-01 09:20,,\"two\r\nlines\"\r\n\
                \r\n\
                c3,mass,chat,2026-10-01T10:00:00Z,,x\r\n";
    let rows = read_csv(text.as_bytes(), &Columns::default());
    let ok: Vec<&Contact> = rows.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(ok.len(), 3, "{rows:?}");
    assert_eq!(ok[0].id, "c1");
    assert!(matches!(ok[0].created, When::Exact(_)));
    assert!(ok[0].answered.is_some());
    assert_eq!(ok[1].answered, None, "an empty answer is an abandoned call");
    assert!(matches!(ok[1].created, When::Local(_)));
    // The quoted line break moved the third row down a line.
    assert_eq!((ok[0].line, ok[1].line, ok[2].line), (2, 3, 6));
}

#[test]
fn a_help_desk_export_read_through_a_column_map() {
    let columns = Columns(
        [
            ("id", "Ticket ID"),
            ("segment", "Organization"),
            ("channel", "Via"),
            ("created", "Created at"),
            ("first_response", "First reply time"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect(),
    );
    let text = "Ticket ID,Organization,Via,Created at,First reply time\n\
                101,vip,email,2026-10-01T09:00:00Z,2026-10-01T10:30:00Z\n";
    let rows = read_csv(text.as_bytes(), &columns);
    let contact = rows[0].as_ref().unwrap();
    assert_eq!(
        (contact.id.as_str(), contact.channel.as_str()),
        ("101", "email")
    );
    assert!(contact.first_response.is_some());
}

#[test]
fn bad_rows_are_returned_with_their_line_and_reason() {
    let text = "id,segment,channel,created,csat\n\
                a,vip,phone,yesterday,\n\
                b,,phone,2026-10-01T09:00:00Z,\n\
                c,vip,phone,2026-10-01T09:00:00Z,great\n\
                d,vip,phone,2026-10-01T09:00:00Z,4\n";
    let rows = read_csv(text.as_bytes(), &Columns::default());
    let bad: Vec<(u64, Flaw)> = rows
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|b| (b.line, b.problem))
        .collect();
    assert_eq!(
        bad,
        [
            (2, Flaw::BadTime("created")),
            (3, Flaw::Missing("segment")),
            (4, Flaw::BadNumber("csat")),
        ]
    );
    assert_eq!(rows[3].as_ref().unwrap().csat, Some(4.0));
}

#[test]
fn json_lines_with_numbers_and_a_broken_line() {
    let text = "{\"id\": \"1\", \"segment\": \"vip\", \"channel\": \"chat\", \"created\": \"2026-10-01T09:00:00Z\", \"csat\": 5}\n\
                \n\
                not json\n\
                {\"id\": 2, \"segment\": \"vip\", \"channel\": \"chat\", \"created\": \"2026-10-01T09:05:00Z\"}\n";
    let mut rows = Vec::new();
    jsonl_rows::<Contact>(text.as_bytes(), &Columns::default(), |r| {
        rows.push(owned(r))
    });
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].as_ref().unwrap().csat, Some(5.0));
    assert_eq!(rows[1], Err(BadRow::unread(3, Flaw::Unreadable)));
    assert_eq!(rows[2].as_ref().unwrap().id, "2");
}

#[test]
fn local_times_are_read_in_the_calendars_zone() {
    let tz = jiff::tz::db().get("Europe/Moscow").unwrap();
    let local = When::parse("2026-10-01T09:14:03").unwrap();
    let exact = When::parse("2026-10-01T09:14:03+03:00").unwrap();
    assert_eq!(local.at(&tz), exact.at(&tz));
    assert_eq!(When::parse("soon"), None);
}

#[test]
fn nested_json_fields_are_read_by_dotted_path() {
    // A ticket as a help desk's API gives it, mapped without editing.
    let text = r#"{"id": 35436, "created_at": "2026-10-01T09:00:00Z", "via": {"channel": "email"}, "organization": {"segment": "vip"}, "metric_set": {"solved_at": "2026-10-01T11:00:00Z"}, "satisfaction": {"score": 5}, "attributes": "{\"answered_at\": \"2026-10-01T09:00:30Z\"}"}"#;
    let columns = Columns(
        [
            ("created", "created_at"),
            ("channel", "via.channel"),
            ("segment", "organization.segment"),
            ("resolved", "metric_set.solved_at"),
            ("csat", "satisfaction.score"),
            ("answered", "attributes.answered_at"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect(),
    );
    let mut rows = Vec::new();
    jsonl_rows::<Contact>(text.as_bytes(), &columns, |r| rows.push(owned(r)));
    let contact = rows.pop().unwrap().unwrap();
    assert_eq!(contact.id, "35436");
    assert_eq!(
        (contact.segment.as_str(), contact.channel.as_str()),
        ("vip", "email")
    );
    assert!(contact.resolved.is_some());
    assert_eq!(contact.csat, Some(5.0));
    // A JSON text holding an object (TaskRouter's task attributes) is read into.
    assert!(contact.answered.is_some());
}

/// jiff's reading of a text of the documented shape (`documented`); none
/// for any other, as `When::parse` has it.
fn jiff_documented(text: &str) -> Option<When> {
    if !documented(text.as_bytes()) {
        return None;
    }
    if let Ok(t) = text.parse::<Timestamp>() {
        return Some(When::Exact(t));
    }
    text.parse::<DateTime>().ok().map(When::Local)
}

#[test]
fn documented_shapes_only() {
    for text in [
        "2026-10-01Z",
        "2026-10-01T09:14:03+03:00:00",
        "2026-10-01T09:14:03-24:30",
        "2026-10-01T09:14:60Z",
        "2026-10-01T09:14:03,5Z",
        "2026-10-01T09:14.5",
    ] {
        assert_eq!(When::parse(text), None, "{text}");
    }
    for text in [
        "2026-10-01 09:14",
        "2026-10-01t09:14:03.5+0300",
        "2026-10-01T09:14-03",
    ] {
        assert!(When::parse(text).is_some(), "{text}");
    }
}

#[test]
fn the_fast_path_agrees_with_jiff() {
    let slow = jiff_documented;
    let mut seed: u64 = 2026;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut checked = 0;
    for _ in 0..200_000 {
        let offset = match next(5) {
            0 => "Z".to_string(),
            1 => String::new(),
            2 => format!("+{:02}:{:02}", next(26), next(61)),
            3 => format!("-{:02}:{:02}", next(24), next(60)),
            _ => [
                "+00:00",
                "-00:00",
                "z",
                "+0300",
                "+03",
                ".5Z",
                ".250+03:00",
                ",5Z",
            ][next(8) as usize]
                .to_string(),
        };
        let between = ["T", "t", " ", "_"][next(4) as usize];
        let text = format!(
            "{:04}-{:02}-{:02}{between}{:02}:{:02}:{:02}{offset}",
            1900 + next(300),
            next(14),
            next(33),
            next(26),
            next(62),
            next(62)
        );
        let fast = fast(text.as_bytes());
        if let Some(when) = fast {
            assert_eq!(Some(when), slow(&text), "{text}");
            checked += 1;
        }
        // What the fast path declines, the general parser still reads.
        assert_eq!(When::parse(&text), slow(&text), "{text}");
    }
    assert!(checked > 75_000, "{checked}");
    assert!(fast(b"2024-02-29T12:00:00Z").is_some());
    assert!(
        fast(b"2024-02-29 12:00:00").is_some(),
        "a space for T, read directly"
    );
    assert_eq!(fast(b"2026-02-29T12:00:00Z"), None);
    assert!(fast(b"2026-10-01T09:14:03.123456789-05:30").is_some());
    assert!(fast(b"2026-10-01 09:14:03.5").is_some());
}

/// The inline day count is `Date::to_days` on every day of the years the
/// fast path reads (0 to 9999).
#[test]
fn the_inline_day_count_is_the_dates() {
    let first = crate::syntax::values::Date {
        year: 0,
        month: 1,
        day: 1,
    }
    .to_days();
    for days in first..first + 10_000 * 366 {
        let date = crate::syntax::values::Date::from_days(days);
        if date.year > 9999 {
            break;
        }
        let inline = when::days_from_civil(date.year as u32, date.month, date.day);
        assert_eq!(inline, days, "{date}");
    }
}

/// A timestamp as exports write it, or nearly: every part drawn from a
/// range a little wider than the valid one, fractions of 0 to 10 digits
/// after `.` or `,`, offsets in every shape jiff reads and some it does not.
fn stamp() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let date = (0u32..10_000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| {
        // Years at both ends of jiff's range, where a timestamp may not fit.
        let y = match y % 10 {
            0 => 9999,
            1 => y % 3,
            _ => y,
        };
        format!("{y:04}-{m:02}-{d:02}")
    });
    let between = prop::sample::select(vec!["T", "t", " ", "_", "  "]);
    let time = (0u32..26, 0u32..62, 0u32..62).prop_map(|(h, m, s)| format!("{h:02}:{m:02}:{s:02}"));
    let fraction = (
        0usize..11,
        any::<u64>(),
        prop::sample::select(vec![".", ".", ".", ","]),
    )
        .prop_map(|(n, digits, mark)| match n {
            0 => String::new(),
            n => format!(
                "{mark}{:0>width$}",
                digits % 10u64.pow(n.min(10) as u32),
                width = n
            ),
        });
    let offset = prop_oneof![
        Just(String::new()),
        prop::sample::select(vec![
            "Z", "z", "+00:00", "-00:00", "+0300", "+03", "Zz", "+3:00", "+03:0"
        ])
        .prop_map(str::to_string),
        (prop::sample::select(vec!['+', '-']), 0u32..27, 0u32..62)
            .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
    ];
    (date, between, time, fraction, offset).prop_map(|(d, b, t, f, o)| format!("{d}{b}{t}{f}{o}"))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

    /// Whatever the fast path reads, jiff reads the same (date, time,
    /// fraction to the nanosecond, offset); what it declines, `When::parse`
    /// gives to jiff (proptest prints the failing case and its seed).
    #[test]
    fn timestamps_read_fast_as_jiff_reads_them(text in stamp()) {
        let slow = jiff_documented;
        if let Some(when) = fast(text.as_bytes()) {
            proptest::prop_assert_eq!(Some(when), slow(&text), "{}", text);
        }
        proptest::prop_assert_eq!(When::parse(&text), slow(&text), "{}", text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

    /// A run of stamps read through one table of dates, as a file's are —
    /// dates repeated with other times, valid dates then invalid times,
    /// invalid dates repeated, and bytes that are no date at all — gives
    /// every stamp what jiff gives it alone, on the documented shapes
    /// (proptest prints the case and its seed).
    #[test]
    fn stamps_read_with_the_dates_before_as_jiff_reads_them(
        stamps in proptest::collection::vec(
            (stamp(), 0usize..4, "[0-9T:Z \\x00-]{0,22}"),
            1..60,
        ),
    ) {
        let slow = jiff_documented;
        let dates = when::Dates::default();
        let mut last_date = String::new();
        for (stamp, kind, noise) in stamps {
            // The date of the stamp before with this stamp's time, the
            // stamp itself, or noise.
            let text = match kind {
                0 if stamp.len() >= 10 && stamp.is_char_boundary(10) && !last_date.is_empty() => {
                    format!("{last_date}{}", &stamp[10..])
                }
                3 => noise,
                _ => stamp,
            };
            if text.len() >= 10 && text.is_char_boundary(10) {
                last_date = text[..10].to_string();
            }
            proptest::prop_assert_eq!(When::parse_with(&text, &dates), slow(&text), "{:?}", text);
            proptest::prop_assert_eq!(When::parse(&text), slow(&text), "{:?}", text);
        }
    }
}

/// The date table's slots: no two days of a month share one, and a stamp
/// of bytes that are all zero is not taken for an empty slot's date.
#[test]
fn the_date_table_keeps_each_day_apart() {
    let dates = when::Dates::default();
    for day in 1..=31 {
        let text = format!("2026-01-{day:02}T00:00:00Z");
        assert_eq!(When::parse_with(&text, &dates), When::parse(&text));
    }
    for day in 1..=31 {
        let text = format!("2026-01-{day:02}T12:00:00Z");
        let seconds = When::parse_with(&text, &dates).map(|w| match w {
            When::Exact(t) => t.as_second(),
            When::Local(_) => 0,
        });
        assert_eq!(seconds, Some(1_767_268_800 + (day - 1) * 86_400), "{text}");
    }
    assert_eq!(
        When::parse_with("\0\0\0\0\0\0\0\0\0\0T00:00:00Z", &dates),
        None
    );
}

/// A field of a random export: plain values of every kind the reader
/// takes, bad ones, and quoted ones with commas, quotes and line breaks.
fn field() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    let fixed = prop::sample::select(vec![
        "",
        " ",
        "vip",
        "mass",
        " vip ",
        "phone",
        "chat",
        "email",
        "c1",
        "P7",
        "2026-10-01T09:14:03Z",
        "2026-10-01T09:14:20+03:00",
        "2026-10-01 09:20",
        "2026-10-01T09:14:03.5Z",
        "yesterday",
        "3",
        "5",
        "9",
        "great",
        "\"a, b\"",
        "\"two\r\nlines\"",
        "\"say \"\"hi\"\"\"",
        "\"vip\"",
        "\"\"",
        "\"open",
        "x\"y",
        "a\rb",
        "\u{feff}id",
        "é",
        "\"2026-10-01T09:00:00Z\"",
    ])
    .prop_map(|s| s.as_bytes().to_vec());
    prop_oneof![
        8 => fixed,
        1 => Just(vec![0xff, b'v']),
        // A character cut short, and one of three bytes.
        1 => Just(vec![b'a', 0xe2, 0x82]),
        1 => Just("a\u{20ac}b\u{20ac}".as_bytes().to_vec()),
        1 => "[a-z0-9 ,\"\r\n]{0,6}".prop_map(String::into_bytes),
    ]
}

/// A random export: a header of some of the columns, rows of random fields
/// (some short, some long), blank lines, LF or CRLF, a byte-order mark.
fn export() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    let columns = prop::sample::subsequence(
        vec![
            "id", "segment", "channel", "created", "answered", "csat", "customer", "note",
        ],
        3..=8,
    )
    .prop_shuffle();
    let rows = prop::collection::vec(prop::collection::vec(field(), 0..10), 0..12);
    (columns, rows, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(columns, rows, crlf, bom, last_break)| {
            let end: &[u8] = if crlf { b"\r\n" } else { b"\n" };
            let mut text = Vec::new();
            if bom {
                text.extend("\u{feff}".as_bytes());
            }
            text.extend(columns.join(",").as_bytes());
            for row in rows {
                text.extend(end);
                text.extend(row.join(&b","[..]));
            }
            if last_break {
                text.extend(end);
            }
            text
        },
    )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// The fast reader gives every row, good or bad, with its line, as the
    /// csv crate read record by record does: so every figure of measure.json
    /// is the same through either.
    #[test]
    fn the_fast_reader_gives_the_rows_the_csv_crate_gives(text in export()) {
        let columns = Columns::default();
        let mut fast = Vec::new();
        csv_rows::<Contact>(&text[..], &columns, |r| fast.push(owned(r)));
        let mut plain = Vec::new();
        super::plain::csv_rows::<Contact>(std::io::Cursor::new(text.clone()), &columns, |r| {
            plain.push(owned(r))
        });
        proptest::prop_assert_eq!(fast, plain, "{:?}", String::from_utf8_lossy(&text));
    }
}

/// Reads `text` in parts starting at `starts` (the first at 0, then
/// guesses, right or wrong), each part on its own up to the stops after it,
/// and joins the parts [`csv_chain`] keeps, their lines moved down by the
/// lines before them; with the number of parts kept.
fn read_in_parts(text: &[u8], starts: &[u64]) -> (Vec<Result<Contact, BadRow>>, usize) {
    let columns = Columns::default();
    let header = csv_header(text).unwrap_or_default();
    let mut parts = Vec::new();
    let mut ends = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let mut rows = Vec::new();
        let part = CsvPart {
            start,
            header: &header,
            stops: &starts[k + 1..],
        };
        let input = &text[start as usize..];
        ends.push(csv_part::<Contact>(input, part, &columns, |r| {
            rows.push(owned(r))
        }));
        parts.push(rows);
    }
    let chain = csv_chain(&ends);
    let kept = chain.len();
    let mut joined = Vec::new();
    for (k, lines) in chain {
        for mut row in std::mem::take(&mut parts[k]) {
            match &mut row {
                Ok(c) => c.line += lines,
                Err(b) => b.line += lines,
            }
            joined.push(row);
        }
    }
    (joined, kept)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// Parts that start anywhere — inside a quoted field, between a `\r`
    /// and its `\n`, inside a character, among blank lines — give, joined
    /// as `csv_chain` says, the rows one reader gives, good or bad, each at
    /// its line: a part before a wrong guess reads on past it, and the
    /// part that started there is dropped.
    #[test]
    fn parts_from_any_guesses_give_one_readers_rows(
        text in export(),
        guesses in proptest::collection::vec(proptest::num::usize::ANY, 0..6),
    ) {
        let mut starts: Vec<u64> = guesses
            .iter()
            .map(|g| (1 + g % text.len().max(1)) as u64)
            .collect();
        starts.push(0);
        starts.sort();
        starts.dedup();
        let whole = read_csv(&text, &Columns::default());
        let (joined, _) = read_in_parts(&text, &starts);
        proptest::prop_assert_eq!(joined, whole, "{:?} at {:?}", String::from_utf8_lossy(&text), starts);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// The guesses `csv_cut_near` makes near points of any export, used as
    /// the command uses them, give one reader's rows too; and each starts a
    /// line in the bytes after its point.
    #[test]
    fn parts_from_near_guesses_give_one_readers_rows(
        text in export(),
        points in proptest::collection::vec(proptest::num::usize::ANY, 0..5),
    ) {
        let header = csv_header(&text[..]).unwrap_or_default();
        let mut points: Vec<u64> = points.iter().map(|p| (p % (text.len() + 1)) as u64).collect();
        points.sort();
        let mut starts = vec![0];
        for point in points {
            let near = &text[point as usize..];
            let Some(cut) = csv_cut_near(near, point, header.len()).unwrap() else {
                continue;
            };
            proptest::prop_assert!(cut > point && text[cut as usize - 1] == b'\n');
            if cut > *starts.last().unwrap() && cut < text.len() as u64 {
                starts.push(cut);
            }
        }
        let whole = read_csv(&text, &Columns::default());
        let (joined, _) = read_in_parts(&text, &starts);
        proptest::prop_assert_eq!(joined, whole, "{:?} at {:?}", String::from_utf8_lossy(&text), starts);
    }
}

/// On an export whose notes hold quoted line breaks and commas on every
/// row, the guesses near any point start records: the part before each
/// reaches it exactly, so every part is kept and none is read twice.
#[test]
fn guesses_on_quoted_line_breaks_start_records() {
    let mut text = String::from("id,segment,channel,created,note\n");
    for i in 0..3_000 {
        text.push_str(&format!(
            "c{i},mass,phone,2026-11-02T10:00:00Z,\"first line\nthen, {i} more\nand the end\"\n"
        ));
    }
    let text = text.into_bytes();
    let header = csv_header(&text[..]).unwrap();
    let mut starts = vec![0];
    for k in 1..16u64 {
        let point = text.len() as u64 / 16 * k;
        let cut = csv_cut_near(&text[point as usize..], point, header.len());
        starts.push(cut.unwrap().unwrap());
    }
    let (joined, kept) = read_in_parts(&text, &starts);
    assert_eq!(kept, 16, "every guess proven");
    assert_eq!(joined, read_csv(&text, &Columns::default()));
    assert_eq!(joined.len(), 3_000);
}

/// An export whose rows never have the header's width (ragged rows, a
/// trailing column left out) has no line the guess can prove by its width:
/// the guess tries a bounded number of lines, not every line of the bytes
/// it reads (each try reads on to their end: minutes on a large file), and
/// falls back to the first line, which the part before proves.
#[test]
fn guesses_on_ragged_rows_try_few_lines() {
    for row in ["v,\n", "v,,,,\n"] {
        let text = row.repeat(200_000).into_bytes();
        let point = 7;
        let near = &text[point..];
        let last = near.iter().rposition(|&b| b == b'\n').unwrap();
        let (cut, tried) = super::csv_file::cut_in(&near[..=last], 4);
        let first = near.iter().position(|&b| b == b'\n').unwrap() + 1;
        assert_eq!(cut, Some(first), "{row:?}");
        assert!(tried <= 64, "{row:?}: {tried} lines tried");
        let guess = csv_cut_near(near, point as u64, 4).unwrap();
        assert_eq!(guess, Some((point + first) as u64));
    }
    // The parts cut there give one reader's rows.
    let mut text = String::from("id,segment,channel,created\n");
    text.push_str(&"v,\n".repeat(100_000));
    let text = text.into_bytes();
    let mut starts = vec![0];
    for k in 1..4u64 {
        let point = text.len() as u64 / 4 * k;
        starts.push(
            csv_cut_near(&text[point as usize..], point, 4)
                .unwrap()
                .unwrap(),
        );
    }
    let (joined, kept) = read_in_parts(&text, &starts);
    assert_eq!(kept, 4, "every guess proven");
    assert_eq!(joined, read_csv(&text, &Columns::default()));
}

proptest::proptest! {
    /// The quick trim is `str::trim` on any text.
    #[test]
    fn the_quick_trim_is_the_trim(text in "[ a\t\r\n\u{a0}\u{85}\u{2003}é,\x0b\x0c\x1c]{0,8}") {
        proptest::prop_assert_eq!(trim(&text), text.trim());
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

    /// The word-at-a-time split finds the commas a byte loop finds, and
    /// declines exactly the lines with a quote or a `\r`, at any length and
    /// alignment (multi-byte characters included).
    #[test]
    fn the_line_split_is_the_byte_loops(
        body in proptest::collection::vec(
            proptest::sample::select(vec![b'a', b',', b',', b'"', b'\r', 0xc3, 0xa9, b' ', 0x80, 0xff, 0x2c ^ 0x80]),
            0..70,
        ),
    ) {
        let mut fields = vec![(9, 9)];
        let read = fast::split(&body, &mut fields);
        let plain = !body.iter().any(|&b| b == b'"' || b == b'\r');
        proptest::prop_assert_eq!(read, plain);
        if plain {
            let mut expected = Vec::new();
            let mut from = 0;
            for (i, &b) in body.iter().enumerate() {
                if b == b',' {
                    expected.push((from, i));
                    from = i + 1;
                }
            }
            expected.push((from, body.len()));
            proptest::prop_assert_eq!(fields, expected);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

    /// The block compares find the bytes a byte loop finds, bytes above
    /// 0x7f (negative to SSE2) included.
    #[test]
    fn the_block_masks_are_the_byte_loops(block in proptest::array::uniform16(
        proptest::sample::select(vec![b',', b'"', b'\r', b'a', 0, 0xac, 0xa2, 0x8d, 0xff, 0x80]),
    )) {
        proptest::prop_assert_eq!(fast::masks(&block), fast::masks_bytewise(&block));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]

    /// The one-pass split takes a line only as `memchr` then [`fast::split`]
    /// read it (its break, its length without `\r`, its fields), and
    /// declines a plain line only near the end of the bytes or with its
    /// `\r` and break in two blocks (proptest prints the case and its seed).
    #[test]
    fn one_pass_splits_as_memchr_then_split(
        unread in proptest::collection::vec(
            proptest::sample::select(vec![b'a', b'a', b'a', b',', b',', b'\n', b'\r', b'"', 0xc3, 0xa9]),
            0..90,
        ),
    ) {
        let mut fields = vec![(7, 7)];
        let one_pass = fast::line_split(&unread, &mut fields);
        let Some(i) = memchr::memchr(b'\n', &unread) else {
            proptest::prop_assert_eq!(one_pass, None);
            return Ok(());
        };
        let line = &unread[..i];
        let body = line.strip_suffix(b"\r").unwrap_or(line);
        let mut expected = Vec::new();
        let plain = !body.is_empty() && fast::split(body, &mut expected);
        match one_pass {
            Some(split) => {
                proptest::prop_assert!(plain);
                proptest::prop_assert_eq!((split.body, split.length), (body.len(), i));
                proptest::prop_assert_eq!(split.ascii, body.is_ascii());
                proptest::prop_assert_eq!(fields, expected);
            }
            None => {
                let split_cr = body.len() < i && i % 16 == 0;
                proptest::prop_assert!(
                    !plain || unread.len() < (i / 16 + 1) * 16 || split_cr,
                    "declined {:?}", String::from_utf8_lossy(&unread)
                );
            }
        }
    }
}

/// A quoted field that ends inside a character the next field finishes:
/// the record is UTF-8 as a whole, its fields are not. Both readers set
/// the row aside as unreadable (the fast one sliced the field inside the
/// character and panicked), and read on.
#[test]
fn a_character_split_between_two_fields_is_not_text() {
    let text = b"id,segment\n\"\xc3\",\xa9\nc2,vip\n".to_vec();
    let columns = Columns::default();
    let mut fast = Vec::new();
    csv_rows::<Contact>(&text[..], &columns, |r| fast.push(owned(r)));
    let mut plain = Vec::new();
    super::plain::csv_rows::<Contact>(std::io::Cursor::new(text), &columns, |r| {
        plain.push(owned(r))
    });
    assert_eq!(fast, plain);
    assert_eq!(fast[0], Err(BadRow::unread(2, Flaw::Unreadable)));
    assert_eq!(fast.len(), 2, "{fast:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

    /// A number field's text reads as `str::parse::<f64>` reads it, bit for
    /// bit, on plain digits (up to 20 of them, past the fast path's 15),
    /// leading zeros, signs, fractions, exponents and junk (proptest prints
    /// the case and its seed).
    #[test]
    fn numbers_read_as_the_float_parser_reads_them(
        text in "[0-9]{1,20}|[+-]?0*[0-9]{0,8}(\\.[0-9]{0,4})?(e[+-]?[0-9]{1,3})?|[0-9a-z .,_-]{0,6}",
    ) {
        let slow = text.parse::<f64>().ok().map(f64::to_bits);
        proptest::prop_assert_eq!(number(&text).map(f64::to_bits), slow, "{:?}", text);
    }
}
