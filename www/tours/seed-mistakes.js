// The seed notebook's two mistakes: the `+=` that climbs the loss, and numbers printed from a
// state its loop had already changed.

export default {
  id: 'seed-mistakes',
  title: 'The seed notebook’s two mistakes',
  steps: [
    {
      title: 'The += that climbs',
      text: 'The notebook’s loop writes w2 += … * lr: it adds the gradient, p ← p + η·∂E/∂p. The update rule here is set to do the same. E is {loss:6} now; one such update makes it {after.J:6}: higher.',
      setup: { preset: 'ascent' },
      look: ['[data-update]', '[data-loss]'],
      task: { text: 'Play three updates (Finish, then Step backprop through each pass) and watch E rise.', updates: 3 },
    },
    {
      title: 'Downhill',
      text: 'Three ascent steps took E to {J:6}. The gradient points uphill, so descent subtracts it: with p − η·∂E/∂p the next update gives {after.J@fixed:6} instead of {after.J:6}.',
      setup: { preset: 'ascent', train: 3 },
      variants: { fixed: { then: { update: 'descent' } } },
      look: ['[data-update]'],
      task: { text: 'Choose p − η·∂E/∂p under Conventions → Update.', option: 'update', value: 'descent' },
    },
    {
      title: 'A stale state',
      text: 'The notebook prints its gradients and updates in cells after the loop, but the loop’s += has already moved the weights: {sym:w2.0.0} is {w2.0.0:6} now, not {before.w2.0.0}. A cell run now reads the moved weights, so its ∂E/∂{sym:w2.0.0} is {grad.w2.0.0:6}, not the {before.grad.w2.0.0:6} of the pass it printed. Print every number from one state.',
      setup: { preset: 'ascent', stage: 'update' },
      look: ['[data-param="w2.0.0"]', '[data-edge="w2.0.0"]'],
      task: { text: 'Step back to the state before the update, where those gradients belong.', reach: 'update', back: true },
    },
  ],
};
