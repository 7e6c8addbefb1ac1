import { describe, it, expect } from 'vitest';
import { GOPHER_FLOPS, GPT3_TRAINING_FLOPS, MODELS } from '../../../src/lib/scaling';

const byId = (id: string) => {
  const model = MODELS.find((m) => m.id === id);
  if (!model) throw new Error(`no model ${id}`);
  return model;
};

describe('MODELS timeline facts', () => {
  it('lists the ten models in date order with unique ids, ISO dates and a source each', () => {
    expect(MODELS.map((m) => m.id)).toEqual([
      'gpt-1',
      'bert-base',
      'bert-large',
      'gpt-2',
      't5-11b',
      'bart-large',
      'electra-large',
      'gpt-3',
      'gopher',
      'chinchilla',
    ]);
    const dates = MODELS.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
    for (const model of MODELS) {
      expect(model.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(model.date))).toBe(false);
      expect(model.source.length).toBeGreaterThan(10);
    }
  });

  it('uses the papers\' parameter counts: GPT-1 117M, BERT 110M/340M, GPT-2 1.5B, T5 11B, ELECTRA-Large 335M, GPT-3 175B, Gopher 280B, Chinchilla 70B', () => {
    expect(byId('gpt-1').params).toBe(117e6);
    expect(byId('bert-base').params).toBe(110e6);
    expect(byId('bert-large').params).toBe(340e6);
    expect(byId('gpt-2').params).toBe(1.5e9);
    expect(byId('t5-11b').params).toBe(11e9);
    expect(byId('bart-large').params).toBe(400e6);
    expect(byId('electra-large').params).toBe(335e6);
    expect(byId('gpt-3').params).toBe(175e9);
    expect(byId('gopher').params).toBe(280e9);
    expect(byId('chinchilla').params).toBe(70e9);
  });

  it('notes that GPT-1\'s 117M comes from the GPT-2 paper, not the GPT-1 paper', () => {
    expect(byId('gpt-1').source).toMatch(/GPT-2 paper, Table 2/);
  });

  it('gives GPT-3 300B training tokens (not the ~500B dataset size), Gopher 300B and Chinchilla 1.4T', () => {
    expect(byId('gpt-3').tokens).toBe(300e9);
    expect(byId('gopher').tokens).toBe(300e9);
    expect(byId('chinchilla').tokens).toBe(1.4e12);
  });

  it('tags architectures: BERT/ELECTRA encoder-only, T5/BART encoder-decoder, GPT/Gopher/Chinchilla decoder-only', () => {
    const families = Object.fromEntries(MODELS.map((m) => [m.id, m.architecture]));
    expect(families).toEqual({
      'gpt-1': 'decoder-only',
      'bert-base': 'encoder-only',
      'bert-large': 'encoder-only',
      'gpt-2': 'decoder-only',
      't5-11b': 'encoder-decoder',
      'bart-large': 'encoder-decoder',
      'electra-large': 'encoder-only',
      'gpt-3': 'decoder-only',
      gopher: 'decoder-only',
      chinchilla: 'decoder-only',
    });
  });

  it('GPT-3 training compute is 3.14e23 FLOPs (Table D.1) and Gopher\'s is 5.76e23 (Hoffmann et al. 2022)', () => {
    expect(GPT3_TRAINING_FLOPS).toBe(3.14e23);
    expect(GOPHER_FLOPS).toBe(5.76e23);
  });

  it('is frozen so a figure cannot edit the shared facts', () => {
    expect(Object.isFrozen(MODELS)).toBe(true);
    expect(MODELS.every((m) => Object.isFrozen(m))).toBe(true);
  });
});
