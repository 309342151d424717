// The seed notebook's exercise, from the inputs to the update, then one step by hand.

export default {
  id: 'seed-exercise',
  title: 'The seed notebook’s exercise, start to finish',
  steps: [
    {
      title: 'The network',
      text: 'Two inputs x₁ = {x.0} and x₂ = {x.1}, two sigmoid hidden neurons, one sigmoid output with target t = {t.0}, learning rate η = {lr}. Each edge is a weight: {sym:w1.0.0} = {w1.0.0} carries x₁ into h₁.',
      setup: { preset: 'seed' },
      look: ['[data-node="x.0"]', '[data-edge="w1.0.0"]'],
      task: { text: 'Press Step backprop to compute the hidden layer.', reach: 'forward_1' },
    },
    {
      title: 'Forward to the output',
      text: 'h₁ = σ(z⁽¹⁾₁) = σ({z1.0}) = {h1.0} and h₂ = {h1.1}: the first numbers the notebook prints. The output adds them up through {sym:w2.0.0} = {w2.0.0} and {sym:w2.1.0} = {w2.1.0}, plus {sym:b2.0}, and squashes the sum.',
      setup: { preset: 'seed', stage: 'forward_1' },
      look: ['[data-node="h1.0"]', '[data-node="h1.1"]'],
      task: { text: 'Step once more to compute y.', reach: 'forward_2' },
    },
    {
      title: 'The loss',
      text: 'The output is y = {y.0}; the target is {t.0}. The notebook’s loss is E = (y − t)², here {loss}: small, but not zero.',
      setup: { preset: 'seed', stage: 'forward_2' },
      look: ['[data-node="y.0"]', '[data-loss]'],
      task: { text: 'Step to the loss.', reach: 'loss' },
    },
    {
      title: 'Back to the output weights',
      text: 'Backpropagation starts at the loss: ∂E/∂y = 2(y − t) = {grad.y.0}. Times σ′(z⁽²⁾) = y(1 − y) = {slope.z2.0}, and times h₁, the activation {sym:w2.0.0} carries: ∂E/∂{sym:w2.0.0} = {grad.w2.0.0}.',
      setup: { preset: 'seed', stage: 'loss' },
      look: ['[data-edge="w2.0.0"]', '#card'],
      task: { text: 'Step until the output weights’ gradients appear on their edges.', reach: 'grad_w2' },
    },
    {
      title: 'Down to the input weights',
      text: 'The error signal flows back along {sym:w2.0.0}: ∂E/∂h₁ = {grad.h1.0}. Times h₁’s own slope h₁(1 − h₁) = {slope.z1.0} and the input x₁ it multiplies: ∂E/∂{sym:w1.0.0} = {grad.w1.0.0}.',
      setup: { preset: 'seed', stage: 'grad_w2' },
      look: ['[data-edge="w1.0.0"]', '[data-node="h1.0"]'],
      task: { text: 'Step until the gradients reach the input weights.', reach: 'grad_w1' },
    },
    {
      title: 'The update',
      text: 'Every parameter steps against its gradient: {sym:w2.0.0} ← {w2.0.0} − {lr} · ({grad.w2.0.0}) = {next.w2.0.0:6}. With all of them moved, E falls from {loss:6} to {after.J:6}.',
      setup: { preset: 'seed', stage: 'grad_w1' },
      look: ['[data-param="w2.0.0"]', '[data-loss]'],
      task: { text: 'Step once more to play the update.', reach: 'update' },
    },
    {
      title: 'Your turn',
      text: 'One update is a small step. Take bigger ones by hand: {sym:w2.0.0} is {w2.0.0} and E = {loss}. Which way should {sym:w2.0.0} go? Its gradient, {grad.w2.0.0}, says.',
      setup: { preset: 'seed' },
      look: ['[data-param="w2.0.0"]', '[data-loss]'],
      task: { text: 'Drag w⁽²⁾₁ until E < 0.0002.', below: 0.0002 },
    },
  ],
};
