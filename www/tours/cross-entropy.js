// Why cross-entropy rescues a saturated sigmoid output.

export default {
  id: 'cross-entropy',
  title: 'Cross-entropy rescues a saturated output',
  steps: [
    {
      title: 'Saturated',
      text: 'Large weights push the output to y = {y.0:6} while t = {t.0}: badly wrong. Yet δ_out = ∂E/∂y · σ′(z) = {grad.y.0} · {slope.z2.0} = {grad.z2.0}: σ′ is almost 0, so the output barely learns.',
      setup: { preset: 'saturated' },
      look: ['[data-node="y.0"]', '#card'],
      task: { text: 'Step until δ_out appears.', reach: 'delta_2' },
    },
    {
      title: 'Cross-entropy',
      text: 'Cross-entropy, −[t ln y + (1 − t) ln(1 − y)], has ∂E/∂y = (y − t)/(y(1 − y)). Its denominator cancels σ′, leaving δ_out = y − t: {grad.z2.0@ce} with cross-entropy, against {grad.z2.0} with the squared loss.',
      setup: { preset: 'saturated' },
      variants: { ce: { set: { loss_fn: 'cross_entropy' } } },
      look: ['[data-loss-fn]', '#card'],
      task: { text: 'Choose cross-entropy under Conventions → Loss, then step to δ_out.', option: 'loss_fn', value: 'cross_entropy', reach: 'delta_2' },
    },
    {
      title: 'Learning again',
      text: 'With a δ_out that large, one update moves {sym:w2.0.0} from {w2.0.0} to {next.w2.0.0:6} and E from {J} to {after.J}; with the squared loss it would move only to {next.w2.0.0@squared:6}.',
      setup: { preset: 'saturated', set: { loss_fn: 'cross_entropy' } },
      variants: { squared: { set: { loss_fn: 'squared' } } },
      look: ['[data-param="w2.0.0"]', '#train'],
      task: { text: 'Train for at least 100 steps.', updates: 100 },
    },
  ],
};
