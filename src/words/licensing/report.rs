//! The support report: its sentences, and what the window says once it is written.

use super::product::esu_note;
use crate::language::Language;
use crate::licensing::ServiceError;
use crate::words::Localized;

/// The support report of this PC as its file holds it (JSON, a line end after it): the
/// licensing service read and recorded, with the sentences the user saw. The one report both
/// the window and `report` write. Blocking (it asks the licensing service).
pub fn support_report(
    leave_out_ids: bool,
    language: Language,
    now: std::time::SystemTime,
) -> String {
    let (recorded, reading) = crate::platform::this_pc_report();
    let recorded = finish_report(recorded, &reading, language, leave_out_ids, now);
    let text = serde_json::to_string_pretty(&recorded).expect("a report always serialises");
    format!("{text}\n")
}

/// Writes into a support report the sentences the user saw: each product's status, and the
/// reading's own notes (the service's failure, a class that failed, the ESU note).
pub fn say_in_report(
    recorded: &mut crate::licensing::report::RecordedPc,
    reading: &Result<crate::licensing::LicensingReading, ServiceError>,
    language: Language,
) {
    match reading {
        Ok(reading) => {
            for (verdict, product) in recorded.verdicts.iter_mut().zip(&reading.products) {
                verdict.said = product.message(language);
            }
            for (_, problem) in &reading.problems {
                recorded.notes.push(problem.message(language));
            }
            if reading.needs_esu_note() {
                recorded.notes.push(esu_note(language).to_string());
            }
        }
        Err(error) => recorded.notes.push(error.message(language)),
    }
}

/// A support report made ready to write: who wrote it and when, the sentences the user saw,
/// and the Installation IDs left out when asked.
pub fn finish_report(
    mut recorded: crate::licensing::report::RecordedPc,
    reading: &Result<crate::licensing::LicensingReading, ServiceError>,
    language: Language,
    leave_out_ids: bool,
    now: std::time::SystemTime,
) -> crate::licensing::report::RecordedPc {
    recorded.about = format!(
        "Support report written by activation-companion {} ({})",
        env!("CARGO_PKG_VERSION"),
        language.tag()
    );
    recorded.written_at = Some(crate::date::timestamp(now));
    say_in_report(&mut recorded, reading, language);
    if leave_out_ids {
        recorded.leave_out_installation_ids();
    }
    recorded
}

/// "The support report is written to FILE…": what it holds and where to send it.
pub fn report_written(path: &std::path::Path, left_out: bool, language: Language) -> String {
    let path = path.display();
    let ids = match (left_out, language) {
        (true, Language::English) => "The Installation IDs are left out.",
        (true, Language::Japanese) => "インストール ID は含めていません。",
        (false, Language::English) => {
            "It includes the Installation IDs, which identify this PC's hardware; to leave them \
             out, write it again with report --leave-out-ids or the window's \u{201c}Leave out \
             the Installation IDs\u{201d}."
        }
        (false, Language::Japanese) => {
            "インストール ID（この PC のハードウェアを特定できます）を含みます。含めない場合は、report --leave-out-ids か、ウィンドウの [インストール ID を含めない] でもう一度保存してください。"
        }
    };
    match language {
        Language::English => format!(
            "The support report is written to {path}. It holds this app's and Windows' versions, \
             what the licensing service answered (product keys only as their last five \
             characters) and what this app concluded. {ids} Next: send the file to this app's \
             developers (attach it to an issue on the project's page) or to whoever helps you."
        ),
        Language::Japanese => format!(
            "サポート レポートを {path} に保存しました。このアプリと Windows のバージョン、ソフトウェア ライセンス サービスの応答（プロダクト キーは末尾 5 文字だけ）、このアプリの判断が入っています。{ids}次に: このファイルを、このアプリの開発元（配布元のページの問い合わせ先）か、サポートしてくれる人に送ってください。"
        ),
    }
}
