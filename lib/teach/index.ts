export { claim, type Claim, type ClaimNumbers } from './claim';
export { ClaimError } from './claimError';
export { checkAnswer, type CheckAnswerOptions, type Tolerance, type Verdict } from './exercise';
export { mistakes, type Answer, type Mistake } from './mistakes';
export { forStudent, type StudentPicker } from './student';
export { grade, type GradeOptions, type GradeResult, type GradeRow, type Limit } from './grade';
export { formatNumber, formatInterval } from './format';
export { CLAIM_MIME, EXERCISE_MIME, type ExerciseRecord } from './display';
