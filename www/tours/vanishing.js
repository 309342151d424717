// Vanishing gradients in a deep sigmoid network, and what tanh and ReLU change.

const WIDTHS = [2, 3, 3, 3, 3, 1];

export default {
  id: 'vanishing',
  title: 'Vanishing gradients, and what tanh or ReLU change',
  steps: [
    {
      title: 'Deep and sigmoid',
      text: 'Five layers of sigmoids. The output’s δ is {grad.z5.0:3}; four layers down, δ⁽¹⁾₁ is {grad.z1.0:3}. Each layer multiplies the signal by a σ′ of at most ¼ and by weights below 1, so it shrinks on every layer.',
      setup: { preset: 'deep-sigmoid' },
      look: ['#card', '[data-node="h1.0"]'],
      task: { text: 'Step until the gradients reach the input weights.', reach: 'grad_w1' },
    },
    {
      title: 'tanh',
      text: 'tanh′ = 1 − h² is up to 1 where σ′ is at most ¼. With tanh hidden layers and the same weights, δ⁽¹⁾₁ is {grad.z1.0:3} instead of {grad.z1.0@sigmoid:3}.',
      setup: { preset: 'deep-sigmoid', arch: { widths: WIDTHS, activations: ['tanh', 'tanh', 'tanh', 'tanh', 'sigmoid'] } },
      variants: { sigmoid: { arch: null } },
      look: ['[data-arch]', '[data-node="h1.0"]'],
      task: { text: 'Step until the gradients reach the input weights.', reach: 'grad_w1' },
    },
    {
      title: 'ReLU',
      text: 'A ReLU passes the gradient on with slope exactly 1 wherever z > 0. With He initial weights, δ⁽¹⁾₂ is {grad.z1.1:3}, against {grad.z1.1@sigmoid:3} with sigmoids. But δ⁽¹⁾₁ is {grad.z1.0:3}: that unit’s z is below 0, and a ReLU that is off passes nothing back.',
      setup: { preset: 'deep-sigmoid', arch: { widths: WIDTHS, activations: ['relu', 'relu', 'relu', 'relu', 'sigmoid'] }, init: 1 },
      variants: { sigmoid: { arch: null, init: null } },
      look: ['[data-arch]', '[data-node="h1.0"]'],
      task: { text: 'Step until the gradients reach the input weights.', reach: 'grad_w1' },
    },
  ],
};
