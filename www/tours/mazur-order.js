// Matt Mazur's worked example and the bug of his earlier code: the hidden δ taken through the
// already-updated output weights (update_order: output_first).

export default {
  id: 'mazur-order',
  title: 'Mazur’s example and the update-order bug',
  steps: [
    {
      title: 'His network',
      text: 'Matt Mazur’s “A Step by Step Backpropagation Example”: two inputs, two hidden neurons, two outputs, E = ½Σ(t − o)², η = {lr}. His forward pass ends at E_total = {loss:9}.',
      setup: { preset: 'mazur' },
      look: ['[data-loss]'],
      task: { text: 'Step to the loss.', reach: 'loss' },
    },
    {
      title: 'The hidden δ',
      text: 'Going back, each hidden neuron takes its δ through the output weights as they were before the update: ∂E/∂h₁ = {grad.h1.0:6}, through {sym:w2.0.0} = {w2.0.0} and {sym:w2.0.1} = {w2.0.1}.',
      setup: { preset: 'mazur', stage: 'loss' },
      look: ['[data-node="h1.0"]', '[data-edge="w2.0.0"]'],
      task: { text: 'Step until the gradients reach the input weights.', reach: 'grad_w1' },
    },
    {
      title: 'Output first',
      text: 'His first code updated the output weights, then took the hidden δ through the new ones. One step from here gives E = {after.J:10} done right (simultaneous), but {after.J@buggy:10} output first: the figure his post printed.',
      setup: { preset: 'mazur' },
      variants: { buggy: { set: { update_order: 'output_first' } } },
      look: ['[data-update-order]', '[data-loss]'],
      task: { text: 'Choose Update order → output first, then Finish the pass.', option: 'update_order', value: 'output_first', reach: 'update' },
    },
    {
      title: 'What differs',
      text: 'The output weights move the same either way: {sym:w2.0.0} = {w2.0.0:8}. The layer below does not: {sym:w1.0.0} = {w1.0.0:8} output first, {w1.0.0@right:8} simultaneous. So E after the step differs: {J:10} against {J@right:10}.',
      setup: { preset: 'mazur', set: { update_order: 'output_first' }, stage: 'update' },
      variants: { right: { set: { update_order: 'simultaneous' } } },
      look: ['[data-param="w1.0.0"]', '[data-update-order]'],
      task: { text: 'Set the update order back to simultaneous.', option: 'update_order', value: 'simultaneous' },
    },
  ],
};
