// Dated model facts for the timeline figure: parameter counts and training tokens as the papers give them.

/** Transformer family of a model: BERT-style encoder, T5/BART-style encoder–decoder, or GPT-style decoder. */
export type Architecture = 'encoder-only' | 'encoder-decoder' | 'decoder-only';

/** One model on the timeline; date is ISO 8601 (YYYY-MM-DD), params and tokens are counts. */
export interface ModelFact {
  readonly id: string;
  readonly name: string;
  readonly date: string;
  readonly params: number;
  readonly architecture: Architecture;
  readonly org: string;
  /** Training tokens, where the papers state them. */
  readonly tokens?: number;
  readonly source: string;
}

/** GPT-3 training compute, 3.14e23 FLOPs (= 3.64e3 PF-days) (Brown et al. 2020, App. D, Table D.1). */
export const GPT3_TRAINING_FLOPS = 3.14e23;

/** Gopher's (and Chinchilla's) training budget, 5.76e23 FLOPs (Hoffmann et al. 2022, Figure 2 caption; Table 3 "Gopher unit"). */
export const GOPHER_FLOPS = 5.76e23;

/** GPT-1. */
export const MODEL_GPT_1: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'gpt-1',
  name: 'GPT-1',
  date: '2018-06-11',
  params: 117e6,
  architecture: 'decoder-only',
  org: 'OpenAI',
  source:
    'Radford et al. 2018, "Improving Language Understanding by Generative Pre-Training" (blog 2018-06-11); the paper states no parameter count — 117M is from the GPT-2 paper, Table 2 ("equivalent to the original GPT")',
});

/** BERT-Base. */
export const MODEL_BERT_BASE: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'bert-base',
  name: 'BERT-Base',
  date: '2018-10-11',
  params: 110e6,
  architecture: 'encoder-only',
  org: 'Google',
  source: 'Devlin et al. 2018, arXiv 1810.04805 (v1 October 2018), Section 3: BERT_BASE L=12, H=768, A=12, 110M',
});

/** BERT-Large. */
export const MODEL_BERT_LARGE: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'bert-large',
  name: 'BERT-Large',
  date: '2018-10-11',
  params: 340e6,
  architecture: 'encoder-only',
  org: 'Google',
  source: 'Devlin et al. 2018, arXiv 1810.04805 (v1 October 2018), Section 3: BERT_LARGE L=24, H=1024, A=16, 340M',
});

/** GPT-2. */
export const MODEL_GPT_2: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'gpt-2',
  name: 'GPT-2',
  date: '2019-02-14',
  params: 1.5e9,
  architecture: 'decoder-only',
  org: 'OpenAI',
  source:
    'Radford et al. 2019, "Language Models are Unsupervised Multitask Learners" (1.5B; 1542M in Table 2); announced in "Better Language Models and Their Implications", February 2019',
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
  source: 'Raffel et al. 2019, arXiv 1910.10683 (October 2019); 11,000M parameters and 1,000B tokens per Brown et al. 2020, Table D.1',
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
    'Lewis et al. 2019, arXiv 1910.13461 (submitted 2019-10-29); approximate: the paper says only "roughly 10% more parameters than the equivalently sized BERT model" (Section 2.1), ~400M is the released bart.large checkpoint',
});

/** ELECTRA-Large. */
export const MODEL_ELECTRA_LARGE: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'electra-large',
  name: 'ELECTRA-Large',
  date: '2020-03-23',
  params: 335e6,
  architecture: 'encoder-only',
  org: 'Google / Stanford',
  source: 'Clark et al. 2020, "ELECTRA", arXiv 2003.10555 (March 2020; ICLR 2020); 335M in the paper\'s large-model comparison',
});

/** GPT-3. */
export const MODEL_GPT_3: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'gpt-3',
  name: 'GPT-3',
  date: '2020-05-28',
  params: 175e9,
  architecture: 'decoder-only',
  org: 'OpenAI',
  tokens: 300e9,
  source:
    'Brown et al. 2020, arXiv 2005.14165: 175B, all models trained for 300B tokens (Table 2.1) drawn from a ~500B-token mixture (Table 2.2); Table D.1 lists 174,600M',
});

/** Gopher. */
export const MODEL_GOPHER: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'gopher',
  name: 'Gopher',
  date: '2021-12-08',
  params: 280e9,
  architecture: 'decoder-only',
  org: 'DeepMind',
  tokens: 300e9,
  source: 'Rae et al. 2021, arXiv 2112.11446 (v1 2021-12-08); 280B parameters and 300B tokens per Hoffmann et al. 2022, Table 1',
});

/** Chinchilla. */
export const MODEL_CHINCHILLA: ModelFact = /* @__PURE__ */ Object.freeze({
  id: 'chinchilla',
  name: 'Chinchilla',
  date: '2022-03-29',
  params: 70e9,
  architecture: 'decoder-only',
  org: 'DeepMind',
  tokens: 1.4e12,
  source: 'Hoffmann et al. 2022, arXiv 2203.15556 (v1 2022-03-29): 70B parameters, 1.4T tokens (abstract; Table 1)',
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
