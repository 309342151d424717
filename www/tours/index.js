// The walk-throughs, in the order the menu lists them. Each is plain data (see model/tour.js for
// the format), so a teacher's own could be read from JSON.

import crossEntropy from './cross-entropy.js';
import deadRelu from './dead-relu.js';
import mazurOrder from './mazur-order.js';
import seedExercise from './seed-exercise.js';
import seedMistakes from './seed-mistakes.js';
import vanishing from './vanishing.js';
import xorHidden from './xor-hidden.js';

export const TOURS = Object.freeze([seedExercise, seedMistakes, mazurOrder, xorHidden, vanishing, deadRelu, crossEntropy]);
