// Abbreviations and the multi-word names they stand for: "Kullback-Leibler" and "KL" are one
// term, "Earth Mover's distance" and "EMD" another. terms.ts collapses each listed phrase in a
// text into a single term (keeping its character span) before matching.

const ENTRIES = `
finetune: fine tune | fine tuning | fine tuned | finetuning | finetuned
kl: kullback leibler | relative entropy
emd: earth mover | earth movers | earth mover distance | wasserstein | wasserstein distance | wasserstein-1
fid: frechet inception distance | frechet distance
js: jensen shannon
llm: large language model | language model
rag: retrieval augmented generation | retrieval-augmented generation
rlhf: reinforcement learning from human feedback | reinforcement learning with human feedback
rl: reinforcement learning
ppo: proximal policy optimization | proximal policy optimisation
dpo: direct preference optimization | direct preference optimisation
sft: supervised fine tuning | supervised finetuning | instruction tuning
lora: low rank adaptation | low-rank adapter | low rank adapter
qlora: quantized lora | quantised lora
peft: parameter efficient fine tuning | parameter-efficient finetuning
gan: generative adversarial network | adversarial network
vae: variational autoencoder | variational auto encoder
elbo: evidence lower bound | variational lower bound
moe: mixture of experts
cot: chain of thought | step by step reasoning
kv: key value | key-value
bpe: byte pair encoding | byte-pair encoding
mle: maximum likelihood estimation | maximum likelihood
nll: negative log likelihood | log loss
rnn: recurrent neural network | recurrent network
unlimit: unlimited | limitless | as many as you want | as many as you like | as many as you need | as many as needed | as many as wanted | any number | an arbitrary number | arbitrarily many | no limit | without limit | without any limit | infinitely many
lstm: long short term memory
cnn: convolutional neural network | convolutional network | convnet
mlp: multi layer perceptron | multilayer perceptron | feed forward network | feedforward network | ffn
nlp: natural language processing
ner: named entity recognition
ann: approximate nearest neighbor | approximate nearest neighbour
knn: k nearest neighbors | k nearest neighbours | nearest neighbor | nearest neighbour
tfidf: tf idf | term frequency inverse document frequency
bm25: okapi bm25 | best matching 25
vectordb: vector database | vector db | vector store | vector index
topp: top p | nucleus sampling
topk: top k
zeroshot: zero shot | zero-shot
fewshot: few shot | few-shot | in context examples
icl: in context learning | in-context learning
ood: out of distribution | out-of-distribution
iid: independent and identically distributed
gpu: graphics processing unit
tpu: tensor processing unit
sgd: stochastic gradient descent
relu: rectified linear unit
gelu: gaussian error linear unit
layernorm: layer normalization | layer normalisation | layer norm
batchnorm: batch normalization | batch normalisation | batch norm
softmax: soft max
crossentropy: cross entropy
auc: area under the curve | area under curve
roc: receiver operating characteristic
mse: mean squared error | mean square error
rmse: root mean squared error | root mean square error
ttft: time to first token
qps: queries per second
rpm: requests per minute
tps: tokens per second
bleu: bilingual evaluation understudy
rouge: recall oriented understudy
ddpm: denoising diffusion probabilistic model | denoising diffusion
clip: contrastive language image pretraining
vit: vision transformer
mha: multi head attention | multihead attention
gqa: grouped query attention
mqa: multi query attention
rope: rotary position embedding | rotary positional embedding | rotary embedding
pii: personally identifiable information
sla: service level agreement
slo: service level objective
`;

/** canonical term -> surface forms (one or more words). */
export const PHRASES: ReadonlyMap<string, readonly string[]> = new Map(
  ENTRIES.trim()
    .split('\n')
    .map((line) => {
      const [canonical = '', forms = ''] = line.split(':');
      return [canonical.trim(), forms.split('|').map((form) => form.trim())] as const;
    }),
);
