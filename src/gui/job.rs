//! Work on a worker thread, as a screen waits for it: the one shape of every such wait (reading
//! this PC, applying, installing a key, writing a report, opening the portal).

use iced::Task;

use crate::language::Language;
use crate::words::{Localized, Text};

/// A piece of work and what came of it.
#[derive(Debug, Default)]
pub enum Job<T, E> {
    #[default]
    Idle,
    Running,
    Done(T),
    Failed(Failure<E>),
}

/// Why a job gave no answer.
#[derive(Debug)]
pub enum Failure<E> {
    /// The work's own error.
    Error(E),
    /// The worker thread ended without an answer (it panicked): nothing is known of the work.
    WorkerDied,
}

impl<T, E> Job<T, E> {
    /// What a worker's answer comes to (`None`: the worker died).
    pub fn finished(answer: Option<Result<T, E>>) -> Job<T, E> {
        match answer {
            Some(Ok(done)) => Job::Done(done),
            Some(Err(error)) => Job::Failed(Failure::Error(error)),
            None => Job::Failed(Failure::WorkerDied),
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self, Job::Running)
    }

    pub fn done(&self) -> Option<&T> {
        match self {
            Job::Done(done) => Some(done),
            _ => None,
        }
    }
}

impl<E: Localized> Localized for Failure<E> {
    fn message(&self, language: Language) -> String {
        match self {
            Failure::Error(error) => error.message(language),
            Failure::WorkerDied => Text::WorkerDied.in_language(language).to_string(),
        }
    }
}

/// Runs `work` off the UI thread; its answer comes back through `answer` (`None` when the
/// worker died).
pub fn run<T: Send + 'static, M: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    answer: impl FnOnce(Option<T>) -> M + Send + 'static,
) -> Task<M> {
    Task::perform(super::off_the_ui_thread(work), answer)
}
