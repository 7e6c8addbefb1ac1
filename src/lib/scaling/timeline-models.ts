// The timeline figure's other models (BERT, T5, BART, ELECTRA) and the whole list in date order. Kept apart from
// models.ts so that only the timeline's code carries them.
import { MODEL_CHINCHILLA, MODEL_GOPHER, MODEL_GPT_1, MODEL_GPT_2, MODEL_GPT_3, type ModelFact } from './models';

/** BERT-Base. */
export const MODEL_BERT_BASE: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'bert-base',
  name: 'BERT-Base',
  date: '2018-10-11',
  params: 110e6,
  architecture: 'encoder-only',
  org: 'Google',
  source: 'Devlin et al. 2019, arXiv 1810.04805 (v1 October 2018), Section 3: BERT_BASE L=12, H=768, A=12, 110M',
});

/** BERT-Large. */
export const MODEL_BERT_LARGE: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'bert-large',
  name: 'BERT-Large',
  date: '2018-10-11',
  params: 340e6,
  architecture: 'encoder-only',
  org: 'Google',
  source: 'Devlin et al. 2019, arXiv 1810.04805 (v1 October 2018), Section 3: BERT_LARGE L=24, H=1024, A=16, 340M',
});

/** T5-11B. */
export const MODEL_T5_11B: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 't5-11b',
  name: 'T5-11B',
  date: '2019-10-23',
  params: 11e9,
  architecture: 'encoder-decoder',
  org: 'Google',
  tokens: 1e12,
  source: 'Raffel et al. 2020, arXiv 1910.10683 (October 2019); 11,000M parameters and 1,000B tokens per Brown et al. 2020, Table D.1',
});

/** BART-large. */
export const MODEL_BART_LARGE: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'bart-large',
  name: 'BART-large',
  date: '2019-10-29',
  params: 400e6,
  architecture: 'encoder-decoder',
  org: 'Facebook AI',
  source:
    'Lewis et al. 2020, arXiv 1910.13461 (submitted 2019-10-29); approximate: the paper says only “roughly 10% more parameters than the equivalently sized BERT model” (Section 2.1), ~400M is the released bart.large checkpoint',
});

/** ELECTRA-Large. */
export const MODEL_ELECTRA_LARGE: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'electra-large',
  name: 'ELECTRA-Large',
  date: '2020-03-23',
  params: 335e6,
  architecture: 'encoder-only',
  org: 'Google / Stanford',
  source: 'Clark et al. 2020, “ELECTRA”, arXiv 2003.10555 (March 2020; ICLR 2020); 335M in the paper’s large-model comparison',
});

/** Language models from GPT-1 to Chinchilla, in date order, with the sources of their numbers. */
export const MODELS: readonly ModelFact[] = Object.freeze([
  MODEL_GPT_1,
  MODEL_BERT_BASE,
  MODEL_BERT_LARGE,
  MODEL_GPT_2,
  MODEL_T5_11B,
  MODEL_BART_LARGE,
  MODEL_ELECTRA_LARGE,
  MODEL_GPT_3,
  MODEL_GOPHER,
  MODEL_CHINCHILLA,
]);
