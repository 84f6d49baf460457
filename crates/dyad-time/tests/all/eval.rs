//! The `timeml` suite end to end on a tiny TimeML file written here (no shared data needed).

use std::path::PathBuf;

const TML: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-20" temporalFunction="false" functionInDocument="CREATION_TIME">May 20, 2025</TIMEX3></DCT>
<TEXT>
The negotiators <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-05-19">Monday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3Y">more than three years</TIMEX3> of war, and agreed a <TIMEX3 tid="t3" type="DURATION" value="P30D">30-day</TIMEX3> truce starting <TIMEX3 tid="t4" type="DATE" value="2025-06-01">June 1</TIMEX3>.
</TEXT>
</TimeML>
"#;

fn write_fixture() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-time-eval-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub").join("tiny.tml"), TML).unwrap();
    std::fs::write(dir.join("ignored.txt"), "not TimeML").unwrap();
    dir
}

#[test]
fn scores_a_tiny_directory() {
    let dir = write_fixture();
    let (text, metrics) = dyad_time::eval::run(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let m = |name: &str| {
        metrics
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
            .unwrap()
    };
    assert!(text.contains("1 documents, 4 gold TIMEX3"), "{text}");
    assert_eq!(m("strict_f1"), 1.0, "{text}");
    assert_eq!(m("relaxed_f1"), 1.0);
    assert_eq!(m("type_accuracy"), 1.0);
    assert_eq!(m("value_accuracy"), 1.0);
    for name in [
        "strict_precision",
        "strict_recall",
        "relaxed_precision",
        "relaxed_recall",
        "value_f1",
        "type_f1",
    ] {
        assert!((0.0..=1.0).contains(&m(name)));
    }
}

#[test]
fn empty_or_missing_directory_is_an_error() {
    assert!(dyad_time::eval::run(std::path::Path::new("/nonexistent/dyad-time")).is_err());
}
