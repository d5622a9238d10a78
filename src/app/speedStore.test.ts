import { beforeEach, describe, expect, it } from 'vitest';
import { MIN_FRAMES } from './modelSpeed';
import { answerSpeedAdvice, noteModelSpeed, speedStore } from './speedStore';
import { memoryStorage } from '../../tests/kit/memoryStorage';

const slow = Array.from({ length: MIN_FRAMES }, () => 110); // about 9 pictures a second
const fast = Array.from({ length: MIN_FRAMES }, () => 60);

describe('the slow-computer advice in the page', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage(), configurable: true });
    speedStore.setState({ speeds: {}, advice: null, judged: [] });
  });

  it('is weighed once per model, when the first whole window of calls is in', () => {
    noteModelSpeed('movenet-thunder', 'wasm', slow.slice(0, 10), 10);
    expect(speedStore.getState().advice).toBeNull();
    noteModelSpeed('movenet-thunder', 'wasm', slow, MIN_FRAMES);
    expect(speedStore.getState().advice).toMatchObject({ model: 'movenet-thunder', faster: 'blazepose-full' });
    // Answered "switch": gone, and not raised again in this page by later slow windows.
    answerSpeedAdvice(false);
    noteModelSpeed('movenet-thunder', 'wasm', slow, MIN_FRAMES + 20);
    expect(speedStore.getState().advice).toBeNull();
  });

  it('a start that reads fast enough asks nothing, and a later slow spell does not either', () => {
    noteModelSpeed('movenet-thunder', 'wasm', fast, MIN_FRAMES);
    noteModelSpeed('movenet-thunder', 'wasm', slow, MIN_FRAMES * 3);
    expect(speedStore.getState().advice).toBeNull();
  });

  it('"keep" is remembered in this browser, so the next page does not ask again', () => {
    noteModelSpeed('movenet-thunder', 'wasm', slow, MIN_FRAMES);
    answerSpeedAdvice(true);
    expect(JSON.parse(localStorage.getItem('form-coach:speed-advice-kept@1')!)).toEqual(['movenet-thunder']);
    speedStore.setState({ advice: null, judged: [] }); // a new page
    noteModelSpeed('movenet-thunder', 'wasm', slow, MIN_FRAMES);
    expect(speedStore.getState().advice).toBeNull();
  });

  it('a malformed memory of "keep" is read as nothing kept', () => {
    localStorage.setItem('form-coach:speed-advice-kept@1', '{not json');
    noteModelSpeed('movenet-thunder', 'wasm', slow, MIN_FRAMES);
    expect(speedStore.getState().advice).not.toBeNull();
  });
});
