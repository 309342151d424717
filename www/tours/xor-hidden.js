// Why XOR needs a hidden layer: a lone sigmoid draws one line; two hidden units draw two.

const FLAT = { widths: [2, 1], activations: ['sigmoid'] };

export default {
  id: 'xor-hidden',
  title: 'XOR needs a hidden layer',
  steps: [
    {
      title: 'No hidden layer',
      text: 'XOR is 1 when exactly one input is 1. With no hidden layer, y = σ(w₁x₁ + w₂x₂ + b) is one straight line through the input square, and no line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other. It starts at J = {J}.',
      setup: { preset: 'xor', arch: FLAT },
      look: ['#train', '[data-loss]'],
      task: { text: 'Train for at least 500 steps.', updates: 500 },
    },
    {
      title: 'It cannot',
      text: 'However long it trains, J settles at {J:4}, where every output sits near ½: this output is {y.0:4}. The best one line can do is to be equally wrong everywhere.',
      setup: { preset: 'xor', arch: FLAT, train: 3000 },
      look: ['[data-loss]', '[data-node="y.0"]'],
    },
    {
      title: 'Two hidden units can',
      text: 'The XOR example’s 2-2-1 network adds two hidden units. Each draws its own line, and the output combines them. J starts at {J}; one update takes it to {after.J}.',
      setup: { preset: 'xor' },
      look: ['#train', '[data-loss]'],
      task: { text: 'Train until J < 0.01.', below: 0.01 },
    },
  ],
};
