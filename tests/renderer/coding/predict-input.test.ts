import { describe, expect, it } from 'vitest';
import { valueAfterEdit } from '../../../src/renderer/features/coding/predict-input';

describe('value after a typed edit', () => {
  it('inserts a typed character at the caret or over the selection', () => {
    expect(valueAfterEdit('femu', 4, 4, 'insertText', 'r')).toBe('femur');
    expect(valueAfterEdit('fmur', 1, 1, 'insertText', 'e')).toBe('femur');
    expect(valueAfterEdit('fracture femur', 9, 14, 'insertText', 'h')).toBe('fracture h');
  });

  it('deletes backward and forward, a character or the selection', () => {
    expect(valueAfterEdit('femur', 5, 5, 'deleteContentBackward', null)).toBe('femu');
    expect(valueAfterEdit('femur', 0, 0, 'deleteContentBackward', null)).toBeNull();
    expect(valueAfterEdit('femur', 0, 0, 'deleteContentForward', null)).toBe('emur');
    expect(valueAfterEdit('femur', 5, 5, 'deleteContentForward', null)).toBeNull();
    expect(valueAfterEdit('femur neck', 5, 10, 'deleteContentBackward', null)).toBe('femur');
    expect(valueAfterEdit('femur neck', 0, 6, 'deleteContentForward', null)).toBe('neck');
  });

  it('leaves edits it cannot be sure of to the browser', () => {
    expect(valueAfterEdit('a😷', 3, 3, 'deleteContentBackward', null)).toBeNull();
    expect(valueAfterEdit('😷a', 0, 0, 'deleteContentForward', null)).toBeNull();
    expect(valueAfterEdit('femur', 5, 5, 'insertFromPaste', null)).toBeNull();
    expect(valueAfterEdit('femur', 5, 5, 'insertCompositionText', 'x')).toBeNull();
    expect(valueAfterEdit('femur', 5, 5, 'deleteWordBackward', null)).toBeNull();
    expect(valueAfterEdit('femur', null, null, 'insertText', 'x')).toBeNull();
    expect(valueAfterEdit('femur', 4, 9, 'insertText', 'x')).toBeNull();
  });
});
