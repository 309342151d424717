//! Training runs that overflow keep the steps they took (issue 9): the run ends at the last state
//! whose pass is finite, with the true number of steps and the error of the next one.

mod common;

use backprop_viz::evaluate::pass;
use backprop_viz::state::State;
use backprop_viz::train::objective::objective_loss;
use backprop_viz::train::update::{train, train_run};
use common::{state, SEED_JSON};

/// The seed with y deep in the sigmoid's tail, a huge target and a huge learning rate: each step
/// wakes the output neuron a little more, until one overflows.
fn overflows_after_some_steps() -> State {
    state(
        &SEED_JSON
            .replace("\"t\":[0.7]", "\"t\":[1e150]")
            .replace("\"b2\":[0.1]", "\"b2\":[-743.127]")
            .replace("\"lr\":0.1", "\"lr\":1e170"),
    )
}

#[test]
fn a_training_run_that_overflows_keeps_the_steps_it_took() {
    let start = overflows_after_some_steps();
    let run = train_run(&start, 1000, None);
    let error = run.error.clone().expect("the run overflows");
    assert!(run.steps > 10 && run.steps < 1000, "{}", run.steps);
    assert!(
        error.message.starts_with("the result overflowed: "),
        "{}",
        error.message
    );
    assert_eq!(run.losses.len(), run.steps as usize);
    assert_eq!(run.evaluation, None, "a run that overflowed brings no pass");
    assert_eq!(run.state, train(&start, run.steps).expect("the good steps"));
    let last = pass(&run.state).expect("the last good state evaluates");
    assert_eq!(run.loss, last.forward.loss);
    let further = train(&start, run.steps + 1).and_then(|next| pass(&next).map(|_| ()));
    assert_eq!(further.expect_err("one step more").field, error.field);
    let again = train_run(&run.state, 10, None);
    assert_eq!((again.steps, again.error), (0, Some(error)));
    assert_eq!(again.state, run.state);
}

#[test]
fn a_training_run_whose_first_step_overflows_stays_at_the_start() {
    let start = state(
        &SEED_JSON
            .replace("\"t\":[0.7]", "\"t\":[2.19e125]")
            .replace("[[0.5],[0.6]]", "[[0.5],[0.5]]")
            .replace("\"lr\":0.1", "\"lr\":1.78e183"),
    );
    assert!(pass(&start).is_ok(), "the start evaluates");
    let run = train_run(&start, 10, None);
    assert_eq!((run.steps, run.losses.len()), (0, 0));
    assert_eq!(run.evaluation, None);
    assert_eq!(run.state, start);
    assert_eq!(run.loss, objective_loss(&start, &start.params));
    let error = run.error.expect("the first step's result overflows");
    assert_eq!(error.field, "z2[0]");
    let next = train(&start, 1).expect("the step itself is finite");
    assert_eq!(pass(&next).expect_err("its result is not").field, "z2[0]");
}

#[test]
fn a_finished_run_brings_the_pass_at_the_state_it_reached() {
    let start = state(SEED_JSON);
    let run = train_run(&start, 25, None);
    assert_eq!(run.steps, 25);
    assert_eq!(
        run.evaluation,
        Some(pass(&run.state).expect("the reached state evaluates"))
    );
    let xor = backprop_viz::presets::presets()
        .into_iter()
        .find(|preset| preset.id == "xor")
        .expect("the XOR preset");
    let run = train_run(&xor.state, 7, None);
    let evaluation = run.evaluation.as_ref().expect("a pass");
    assert!(
        evaluation.batch.is_some(),
        "with samples, the pass carries J over them"
    );
    assert_eq!(
        run.evaluation,
        Some(pass(&run.state).expect("XOR evaluates"))
    );
}
