// Dated facts of the GPT models and Chinchilla: parameter counts and training tokens as the papers give them. The
// encoder and encoder–decoder models of the timeline figure are in timeline-models.ts.

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
    'Radford et al. 2018, “Improving Language Understanding by Generative Pre-Training” (blog 2018-06-11); the paper states no parameter count — 117M is from the GPT-2 paper, Table 2 (“equivalent to the original GPT”)',
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
    'Radford et al. 2019, “Language Models are Unsupervised Multitask Learners” (1.5B; 1542M in Table 2); announced in “Better Language Models and Their Implications”, February 2019',
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
