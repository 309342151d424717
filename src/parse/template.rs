//! A state's numbers by position: which field each number of an input fills, so that an input
//! of the same shape with other numbers (a slider drag, a training frame) becomes a state without
//! being read again. Only numbers that [`parse_state`](super::parse_state) requires to be finite
//! and nothing more are placed this way; every other number (a seed, a batch size, a dataset's
//! spec and its points) is held fixed. An input in which a fixed number differs, or whose numbers
//! are not all finite, is read in full, so every error comes from
//! [`parse_state`](super::parse_state).

use super::{check_loss, layer_number};
use crate::json::Value;
use crate::state::State;

/// Where one number of the input goes in the state.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    X(usize),
    T(usize),
    Param(usize),
    Lr,
    SampleX(usize, usize),
    SampleT(usize, usize),
    /// A number that is not placed: the input must hold these very bits there.
    Fixed(u64),
}

/// A parsed state and where each of its input's numbers went, in the input's order.
#[derive(Clone, Debug)]
pub struct Template {
    state: State,
    slots: Vec<Slot>,
}

impl Template {
    /// The template of `value`, which [`parse_state`](super::parse_state) read as `state`, and
    /// whose numbers in order are `numbers` (`None` when a number is not where the full read put
    /// it).
    pub fn of(value: &Value, numbers: &[f64], state: &State) -> Option<Template> {
        let mut slots = Vec::with_capacity(state.params.len() + 8);
        let Value::Object(entries) = value else {
            return None;
        };
        let has_dataset = entries.iter().any(|(k, _)| k == "dataset");
        let arch = &state.arch;
        for (key, v) in entries {
            let layer = |prefix| layer_number(key.strip_prefix(prefix)?);
            match key.as_str() {
                "x" => list(v, &mut slots, &Slot::X)?,
                "t" => list(v, &mut slots, &Slot::T)?,
                "lr" if matches!(v, Value::Number(_)) => slots.push(Slot::Lr),
                // A dataset's points are its own: with a dataset they are held fixed, as its spec.
                "samples" if !has_dataset => {
                    let Value::Array(samples) = v else {
                        return None;
                    };
                    for (k, sample) in samples.iter().enumerate() {
                        let Value::Object(fields) = sample else {
                            return None;
                        };
                        for (field, v) in fields {
                            match field.as_str() {
                                "x" => list(v, &mut slots, &|i| Slot::SampleX(k, i))?,
                                "t" => list(v, &mut slots, &|i| Slot::SampleT(k, i))?,
                                _ => fixed(v, &mut slots),
                            }
                        }
                    }
                }
                _ if key.starts_with('w') && layer('w').is_some_and(|l| l <= arch.depth()) => {
                    let (l, Value::Array(rows)) = (layer('w')?, v) else {
                        return None;
                    };
                    let (at, cols) = (arch.weights_at(l), arch.width(l));
                    for (i, row) in rows.iter().enumerate() {
                        list(row, &mut slots, &|j| Slot::Param(at + i * cols + j))?;
                    }
                }
                _ if key.starts_with('b') && layer('b').is_some_and(|l| l <= arch.depth()) => {
                    let at = arch.biases_at(layer('b')?);
                    list(v, &mut slots, &|j| Slot::Param(at + j))?;
                }
                _ => fixed(v, &mut slots),
            }
        }
        // Every number must be where the full read put it.
        let mut copy = state.clone();
        let placed = numbers.len() == slots.len()
            && slots.iter().zip(numbers).all(|(&slot, n)| match slot {
                Slot::Fixed(bits) => bits == n.to_bits(),
                _ => place(&mut copy, slot).is_some_and(|p| p.to_bits() == n.to_bits()),
            });
        placed.then_some(Template { state: copy, slots })
    }

    /// The state an input of this template's shape with `numbers` describes, as
    /// [`parse_state`](super::parse_state) would read it; `None` when the input must be read in full (a number that
    /// is not finite, a target cross-entropy refuses), so that the error is its.
    pub fn fill(&self, numbers: &[f64]) -> Option<State> {
        if numbers.len() != self.slots.len() || !numbers.iter().all(|n| n.is_finite()) {
            return None;
        }
        let mut state = self.state.clone();
        for (&slot, &n) in self.slots.iter().zip(numbers) {
            match slot {
                Slot::Fixed(bits) if bits != n.to_bits() => return None,
                Slot::Fixed(_) => {}
                _ => *place(&mut state, slot)? = n,
            }
        }
        check_loss(&state).ok()?;
        Some(state)
    }
}

/// Where `slot` is in `state`.
fn place(state: &mut State, slot: Slot) -> Option<&mut f64> {
    match slot {
        Slot::X(i) => state.example.x.get_mut(i),
        Slot::T(i) => state.example.t.get_mut(i),
        Slot::Param(k) => state.params.get_mut(k),
        Slot::Lr => Some(&mut state.lr),
        Slot::SampleX(k, i) => state.samples.get_mut(k)?.x.get_mut(i),
        Slot::SampleT(k, i) => state.samples.get_mut(k)?.t.get_mut(i),
        Slot::Fixed(_) => None,
    }
}

/// The slots of an array of numbers, `slot(i)` for item `i`.
fn list(value: &Value, slots: &mut Vec<Slot>, slot: &dyn Fn(usize) -> Slot) -> Option<()> {
    let Value::Array(items) = value else {
        return None;
    };
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Number(_) => slots.push(slot(i)),
            _ => return None,
        }
    }
    Some(())
}

/// A fixed slot for every number of `value`, in the input's order.
fn fixed(value: &Value, slots: &mut Vec<Slot>) {
    match value {
        Value::Number(n) => slots.push(Slot::Fixed(n.to_bits())),
        Value::Array(items) => items.iter().for_each(|v| fixed(v, slots)),
        Value::Object(entries) => entries.iter().for_each(|(_, v)| fixed(v, slots)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_state;

    /// Every number of `value`, in order (arrays item by item, objects entry by entry).
    fn numbers_of(value: &Value) -> Vec<f64> {
        fn walk(value: &Value, out: &mut Vec<f64>) {
            match value {
                Value::Number(n) => out.push(*n),
                Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                Value::Object(entries) => entries.iter().for_each(|(_, v)| walk(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(value, &mut out);
        out
    }

    /// `value` with its numbers replaced, in order, by `numbers` (for tests: an input of the same
    /// shape).
    fn with_numbers(value: &Value, numbers: &mut impl Iterator<Item = f64>) -> Value {
        match value {
            Value::Number(n) => Value::Number(numbers.next().unwrap_or(*n)),
            Value::Array(items) => {
                Value::Array(items.iter().map(|v| with_numbers(v, numbers)).collect())
            }
            Value::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), with_numbers(v, numbers)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// The state `value` describes, read in full.
    fn read(value: &Value) -> Option<State> {
        parse_state(value).ok()
    }

    fn value_of(state: &State) -> Value {
        let text = serde_json::to_string(state).expect("JSON");
        Value::read(&mut serde_json::Deserializer::from_str(&text)).expect("a value")
    }

    /// Every preset's state.
    fn preset_states() -> Vec<State> {
        crate::presets::presets()
            .into_iter()
            .map(|p| p.state)
            .collect()
    }

    #[test]
    fn a_filled_template_is_the_full_read_bit_for_bit() {
        let mut states = preset_states();
        states.push(State::seed());
        let mut placed = 0;
        for state in &states {
            let value = value_of(state);
            let parsed = parse_state(&value).expect("valid");
            let Some(template) = Template::of(&value, &numbers_of(&value), &parsed) else {
                continue;
            };
            placed += 1;
            let count = numbers_of(&value).len();
            for round in 0..20u32 {
                let others: Vec<f64> = (0..count)
                    .map(|k| match (k as u32 + round) % 7 {
                        0 => -0.0,
                        1 => 1e300,
                        2 if round > 10 => f64::NAN,
                        3 if round > 15 => f64::INFINITY,
                        _ => f64::from(k as u32 * 31 + round) / 97.0 - 0.4,
                    })
                    .collect();
                let other = with_numbers(&value, &mut others.iter().copied());
                let filled = template.fill(&others);
                match (&filled, read(&other)) {
                    (Some(filled), Some(full)) => {
                        assert_eq!(filled, &full);
                        let bits = |s: &State| -> Vec<u64> {
                            let mut all: Vec<f64> = s.params.clone();
                            all.extend(&s.example.x);
                            all.extend(&s.example.t);
                            all.push(s.lr);
                            for sample in &s.samples {
                                all.extend(&sample.x);
                                all.extend(&sample.t);
                            }
                            all.iter().map(|n| n.to_bits()).collect()
                        };
                        assert_eq!(bits(filled), bits(&full));
                    }
                    // Not placed: the full read decides, whatever it says.
                    (None, _) => {}
                    (Some(_), None) => panic!("filled a state the full read refuses"),
                }
            }
        }
        assert!(placed >= 2, "{placed}");
    }

    #[test]
    fn other_numbers_are_held_fixed() {
        let mut with_seed = State::seed();
        with_seed.init_seed = 7;
        let value = value_of(&with_seed);
        let numbers = numbers_of(&value);
        let template =
            Template::of(&value, &numbers, &parse_state(&value).expect("valid")).expect("placed");
        assert_eq!(template.fill(&numbers), Some(with_seed));
        // The seed is a number like the others in the input; changed, the input is read in full.
        let at = template
            .slots
            .iter()
            .position(|slot| *slot == Slot::Fixed(7f64.to_bits()))
            .expect("the seed is held fixed");
        let mut other = numbers.clone();
        other[at] = 8.0;
        assert!(template.fill(&other).is_none());
        let seed = value_of(&State::seed());
        let template = Template::of(
            &seed,
            &numbers_of(&seed),
            &parse_state(&seed).expect("valid"),
        )
        .expect("placed");
        assert!(template.fill(&[0.5]).is_none());
    }

    #[test]
    fn changing_only_the_placed_numbers_fills_the_full_read_bit_for_bit() {
        let mut states = preset_states();
        let mut seeded = State::seed();
        seeded.init_seed = 11;
        seeded.shuffle_seed = 3;
        states.push(seeded);
        let spec = r#"{"name":"circle","size":12,"noise":0.1,"seed":5}"#;
        let dataset = Value::read(&mut serde_json::Deserializer::from_str(spec)).expect("JSON");
        let mut on_points = parse_state(&value_of(&crate::presets::xor())).expect("valid");
        let spec = crate::parse::training::parse_spec(&dataset, "dataset").expect("a spec");
        on_points = crate::data::datasets::with_dataset(&on_points, spec).expect("fits");
        states.push(on_points);
        for state in &states {
            let value = value_of(state);
            let numbers = numbers_of(&value);
            let template = Template::of(&value, &numbers, &parse_state(&value).expect("valid"))
                .expect("every state has a template");
            let others: Vec<f64> = template
                .slots
                .iter()
                .zip(&numbers)
                .enumerate()
                .map(|(k, (slot, &n))| match slot {
                    Slot::Fixed(_) => n,
                    _ => f64::from(k as u32 % 13) / 17.0 - 0.3,
                })
                .collect();
            let other = with_numbers(&value, &mut others.iter().copied());
            let full = read(&other).expect("valid");
            let filled = template.fill(&others).expect("filled");
            assert_eq!(filled, full);
            assert_eq!(format!("{filled:?}"), format!("{full:?}"), "bit for bit");
        }
    }
}
