//! The default pipeline: read → segment → tag/parse → entities → actors + coreference → quotes →
//! times → places → events. (Times and places run before events so events can take their date and
//! place from them.)

use dyad_doc::{Doc, Stage, StageError};

/// Options that select models and dictionaries for the pipeline.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// Directory with model files overriding the embedded ones (`--model DIR`).
    pub model_dir: Option<std::path::PathBuf>,
    /// Stop after the stage with this name (`--until segment`), for partial runs and benchmarks.
    pub until: Option<String>,
}

/// An ordered list of stages, built once and shared across threads.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// The full default pipeline.
    pub fn new(opts: &PipelineOptions) -> Result<Pipeline, String> {
        let _ = opts;
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(dyad_text::Segmenter::default()),
            // syntax (dyad-syntax): tags, lemmas, dependency trees; right after segment.
            // ner (dyad-ner): after segment and syntax, before actors.
            // actors + coreference (dyad-actors): after ner, before quotes and events.
            // quotes (dyad-quotes): after actors + coreference (speakers resolve through clusters).
            // STAGES: each stage crate adds its line here, in pipeline order.
            // Events run last (they read every other layer): keep this line below the STAGES marker.
        ];
        let mut pipeline = Pipeline { stages };
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
            None => Err(format!("no stage named `{name}` (stages: {})", self.stage_names().join(", "))),
        }
    }

    /// A pipeline from explicit stages (tests, partial runs).
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Pipeline {
        Pipeline { stages }
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
}
