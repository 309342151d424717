// A dead ReLU: a unit whose sum is below zero for every sample never learns.

export default {
  id: 'dead-relu',
  title: 'A dead ReLU',
  steps: [
    {
      title: 'Always off',
      text: 'The third hidden unit’s weights and bias are negative: for this sample its sum is z⁽¹⁾₃ = {z1.2}, and it is below 0 for every sample. ReLU outputs 0 there, and its slope [z > 0] is {slope.z1.2}.',
      setup: { preset: 'dead-relu' },
      look: ['[data-node="h1.2"]'],
      task: { text: 'Step until the hidden layer’s δ appears.', reach: 'delta_1' },
    },
    {
      title: 'No gradient',
      text: 'δ⁽¹⁾₃ = {grad.z1.2}, so ∂E/∂{sym:w1.0.2}, ∂E/∂{sym:w1.1.2} and ∂E/∂{sym:b1.2} are {grad.w1.0.2}, {grad.w1.1.2} and {grad.b1.2}. {sym:w1.0.2} is {w1.0.2} now, and after training it is still {w1.0.2@trained}.',
      setup: { preset: 'dead-relu', stage: 'delta_1' },
      variants: { trained: { train: 1000, stage: 0 } },
      look: ['[data-param="w1.0.2"]', '[data-edge="w1.0.2"]'],
      task: { text: 'Train for at least 200 steps and watch w⁽¹⁾₁₃ stay put.', updates: 200 },
    },
  ],
};
