//! The default pipeline: read → segment → tag/parse → entities → actors + coreference → times →
//! places → actor countries → quotes → events. (Times and places run before events so events can
//! take their date and place from them, and before the countries of agents, which come from places.)

use dyad_doc::{Doc, Stage, StageError};
use std::panic::AssertUnwindSafe;

/// Options that select models and dictionaries for the pipeline.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// Directory with model files overriding the embedded ones (`--model DIR`).
    pub model_dir: Option<std::path::PathBuf>,
    /// Stop after the stage with this name (`--until segment`), for partial runs and benchmarks.
    pub until: Option<String>,
    /// Actor and agent dictionaries given at run time (`--actors`, `--agents`,
    /// `--petrarch-dicts`), loaded over the embedded ones.
    pub user_dicts: dyad_actors::dict::UserDicts,
    /// Least probability of a classifier-coded event (`--min-confidence`; `None`: the default,
    /// `dyad_events::coder::DEFAULT_MIN_CONFIDENCE`).
    pub min_confidence: Option<f32>,
    /// Also write events that report no act, marked by their modality (`--keep-irrealis`):
    /// questions, conditions, possibilities, announced acts without an intent code.
    pub keep_irrealis: bool,
    /// Least event-check probability for an event to be written (`--min-check`; `None`: the
    /// committed model's cross-validated default, `dyad_events::check::default_min_check`; 0
    /// writes every event). Events left out are counted in `Doc::events_dropped`.
    pub min_check: Option<f32>,
}

/// The actors stage: the embedded dictionary, or the user's dictionaries over it (with the
/// warnings of their load).
fn actor_stage(
    user: &dyad_actors::dict::UserDicts,
) -> Result<(dyad_actors::ActorStage, Vec<String>), String> {
    if user.is_empty() {
        return Ok((dyad_actors::ActorStage::new(), Vec::new()));
    }
    let (dict, warnings) = user.load()?;
    let warnings = warnings.iter().map(ToString::to_string).collect();
    Ok((dyad_actors::ActorStage::with_dictionary(dict), warnings))
}

/// Waits for the actors stage built by [`actor_stage`] on another thread.
fn join_actor_stage(
    handle: std::thread::JoinHandle<Result<(dyad_actors::ActorStage, Vec<String>), String>>,
    warnings: &mut Vec<String>,
) -> Result<dyad_actors::ActorStage, String> {
    let (stage, w) = handle
        .join()
        .map_err(|_| "building the actor dictionary failed".to_string())??;
    *warnings = w;
    Ok(stage)
}

/// The events stage with the embedded dictionary and classifier, at the given threshold.
fn event_stage(
    min_confidence: Option<f32>,
    keep_irrealis: bool,
    min_check: Option<f32>,
) -> dyad_events::EventStage {
    let mut coder = dyad_events::Coder::embedded();
    coder.opts.keep_irrealis = keep_irrealis;
    if let Some(c) = min_confidence {
        coder.opts.min_confidence = c;
        // An explicit threshold bounds every model decision: a re-ranker recode below it keeps
        // the pattern's code (without the flag, recodes need `min_recode`, 0.5).
        coder.opts.min_recode = coder.opts.min_recode.max(c);
    }
    let stage = dyad_events::EventStage::with_coder(coder);
    match min_check {
        Some(m) => stage.with_min_check(Some(m)),
        None => stage,
    }
}

/// An ordered list of stages, built once and shared across threads.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    /// Problems found in user dictionaries that did not stop the load (PETRARCH files).
    warnings: Vec<String>,
}

impl Pipeline {
    /// The full default pipeline.
    pub fn new(opts: &PipelineOptions) -> Result<Pipeline, String> {
        // The actor dictionary (embedded curated and generated files, plus the user's) and its
        // automaton are built on another thread while the models load.
        let user = opts.user_dicts.clone();
        let actors = std::thread::spawn(move || actor_stage(&user));
        let mut warnings = Vec::new();
        let mut stages: Vec<Box<dyn Stage>> = vec![
            Box::new(dyad_text::Segmenter),
            // Tags, lemmas and dependency trees.
            Box::new(
                dyad_syntax::SyntaxStage::new(opts.model_dir.as_deref())
                    .map_err(|e| e.to_string())?,
            ),
            // Named entities (PER/ORG/LOC/MISC).
            Box::new(dyad_ner::NerStage::from_model_dir(
                opts.model_dir.as_deref(),
            )?),
        ];
        // Joined only now, so that the dictionary is built while the models above load.
        let actor_stage = join_actor_stage(actors, &mut warnings)?;
        let speaker_roles = dyad_actors::SpeakerRoleStage::new(actor_stage.dictionary());
        stages.extend([
            // Actor codes, actor noun phrases and coreference clusters.
            Box::new(actor_stage) as Box<dyn Stage>,
            // Times and places before events, which take their date and place from them.
            Box::new(dyad_time::TimeStage::new().map_err(|e| e.to_string())?),
            Box::new(dyad_geo::PlaceStage::new().map_err(|e| e.to_string())?),
            // Countries for agents without one ("police" + "in Lagos"), from places and the
            // dateline; before quotes so that speakers carry them.
            Box::new(dyad_actors::CountryStage),
            // Quotes: speakers resolve through the clusters.
            Box::new(dyad_quotes::QuoteStage::default()),
            // Role speakers ("a spokeswoman said") get a sector and a country from the context.
            Box::new(speaker_roles),
            // Events read every other layer: always last.
            Box::new(event_stage(
                opts.min_confidence,
                opts.keep_irrealis,
                opts.min_check,
            )),
        ]);
        let mut pipeline = Pipeline { stages, warnings };
        if let Some(until) = &opts.until {
            pipeline.truncate_after(until)?;
        }
        Ok(pipeline)
    }

    /// Drop every stage after the one named `name`.
    pub fn truncate_after(&mut self, name: &str) -> Result<(), String> {
        match self.stages.iter().position(|s| s.name() == name) {
            Some(i) => {
                self.stages.truncate(i + 1);
                Ok(())
            }
            None => Err(format!(
                "no stage named `{name}` (stages: {})",
                self.stage_names().join(", ")
            )),
        }
    }

    /// A pipeline from explicit stages (tests, partial runs).
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Pipeline {
        Pipeline {
            stages,
            warnings: Vec::new(),
        }
    }

    /// Warnings from loading user dictionaries (`file:line: message`), for the caller to show.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Run every stage on `doc`.
    pub fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
        for stage in &self.stages {
            stage.process(doc)?;
        }
        Ok(())
    }

    /// Run every stage on `doc`, turning a stage error or a panic inside a stage into the reason
    /// the document is rejected (`[id ID]: message`), so that one bad document never stops a run
    /// (`dyad code`, `dyad ingest` and the Python binding all code documents through this).
    pub fn process(&self, mut doc: Doc) -> Result<Doc, String> {
        let id = doc.id.clone();
        match std::panic::catch_unwind(AssertUnwindSafe(|| self.run(&mut doc).map(|_| doc))) {
            Ok(Ok(doc)) => Ok(doc),
            Ok(Err(e)) => Err(format!("[id {id}]: {e}")),
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "unknown panic".into());
                Err(format!("[id {id}]: internal error (please report): {msg}"))
            }
        }
    }
}
