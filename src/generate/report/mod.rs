//! `cxc measure -o DIR`: the measured figures as `measure.json` (every
//! figure with its `n`), `report.md` and a self-contained `report.html`.

mod html;
mod view;

use super::templates::Renderer;
use super::Files;
use crate::measure::Report;
use crate::model::Model;
use crate::syntax::values::Language;
pub use view::MeasureView;

pub fn render(model: &Model, report: &Report, language: Language) -> Result<Files, String> {
    let view = MeasureView::new(model, report);
    let mut files = Files::new();
    let mut json = crate::escape::json::to_vec_pretty(&view).map_err(|e| e.to_string())?;
    json.push(b'\n');
    files.insert("measure.json".into(), json);
    let mut renderer = Renderer::new(None, model.size())?;
    let context = minijinja::context! { report => minijinja::Value::from_serialize(&view) };
    let markdown = renderer.render(&format!("{}/report.md", language.as_str()), context)?;
    files.insert("report.md".into(), markdown.into_bytes());
    files.insert(
        "report.html".into(),
        html::page(&view, language).into_bytes(),
    );
    Ok(files)
}
