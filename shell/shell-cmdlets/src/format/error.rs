//! Error records as NormalView text (spec §8.3): the adapter from the engine's
//! [`ErrorRecord`] to shell-format's [`ErrorView`].

use shell_engine::ErrorRecord;
use shell_format::{
    CategoryInfo, ErrorPosition, ErrorView, Origin, ParseErrorView, render_error,
    render_parse_errors,
};

/// The lines of one error record, ending with one empty line.
pub fn render_error_record(record: &ErrorRecord) -> Vec<String> {
    let invocation = record.invocation.as_ref();
    let origin = match invocation.and_then(|i| i.origin.as_deref()) {
        Some(path) => Origin::Script(path.to_string()),
        None => Origin::Line,
    };
    if !record.parse_errors.is_empty() {
        let source = invocation.map(|i| i.source.as_ref()).unwrap_or("");
        let views: Vec<ParseErrorView<'_>> = record
            .parse_errors
            .iter()
            .map(|e| ParseErrorView {
                error_id: e.id,
                message: &e.message,
                span: e.span.start..e.span.end,
            })
            .collect();
        return render_parse_errors(&origin, source, &views);
    }
    let position = invocation
        .filter(|i| !i.source.is_empty())
        .map(|i| ErrorPosition {
            origin: &origin,
            source: &i.source,
            span: i.span.start..i.span.end,
        });
    let fqid = record.fully_qualified_error_id();
    let view = ErrorView {
        prefix: record.prefix(),
        message: &record.message,
        position,
        category_info: CategoryInfo {
            category: record.category.name(),
            target_name: &record.target_name,
            target_type: &record.target_type,
            activity: &record.activity,
            reason: &record.reason,
        },
        fqid: &fqid,
    };
    render_error(&view)
}
