/**
 * face-api's SSD MobileNet v1 forward pass, op for op the same (so the same numbers come out),
 * but each layer's output is released as soon as the next layer has read it. face-api runs the
 * whole pass inside one `tf.tidy`, which keeps every layer's output (≈ 100 MB of float32 at the
 * detector's 512 × 512 input) alive until the end; on the WASM backend that sets the size of a
 * heap that never shrinks. Here the pass holds at most a layer's input, its output and the
 * few feature maps the box predictors read later.
 *
 * Installed over the loaded network's `forwardInput` (its `locateFaces` — the box decoding, the
 * non-maximum suppression — is face-api's own, unchanged).
 */

/** A tfjs tensor, as far as this module handles one. */
export interface LeanTensor {
  readonly shape: number[];
  dispose(): void;
}

type T = LeanTensor;

/** The tfjs ops the pass uses (face-api's bundled `tf`). */
export interface LeanTf {
  tidy<R>(fn: () => R): R;
  cast(x: T, dtype: 'float32'): T;
  div(a: T, b: number): T;
  sub(a: T, b: number | T): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  exp(x: T): T;
  sigmoid(x: T): T;
  conv2d(x: T, filter: T, strides: [number, number], pad: 'same'): T;
  depthwiseConv2d(x: T, filter: T, strides: [number, number], pad: 'same'): T;
  batchNorm(x: T, mean: T, variance: T, offset: T, scale: T, epsilon: number): T;
  clipByValue(x: T, min: number, max: number): T;
  reshape(x: T, shape: number[]): T;
  concat(xs: T[], axis: number): T;
  tile(x: T, reps: number[]): T;
  slice(x: T, begin: number[], size: number[]): T;
  unstack(x: T): T[];
  transpose(x: T, perm: number[]): T;
  stack(xs: T[]): T;
}

interface PointwiseParams {
  filters: T;
  batch_norm_offset: T;
}
interface DepthwiseParams {
  filters: T;
  batch_norm_mean: T;
  batch_norm_variance: T;
  batch_norm_offset: T;
  batch_norm_scale: T;
}
interface ConvParams {
  filters: T;
  bias: T;
}
interface BoxPredictorParams {
  box_encoding_predictor: ConvParams;
  class_predictor: ConvParams;
}

/** The loaded network's parameters, as face-api keeps them (`net.params`). */
export interface SsdParams {
  mobilenetv1: Record<`conv_${number}`, unknown> & { conv_0: PointwiseParams };
  prediction_layer: Record<`conv_${number}` | `box_predictor_${number}`, unknown>;
  output_layer: { extra_dim: T };
}

/** face-api's NetInput: what `forwardInput` is given. */
export interface NetInputLike {
  toBatchTensor(inputSize: number, isCenterInputs: boolean): T;
}

/** face-api's constant (ssdMobilenetv1/mobileNetV1.ts). */
const EPSILON = 0.0010000000474974513;

/** Layers 2, 4, 6 and 12 of MobileNet v1 halve the feature map. */
const strides = (layer: number): [number, number] =>
  [2, 4, 6, 12].includes(layer) ? [2, 2] : [1, 1];

export function leanForward(
  tf: LeanTf,
  params: SsdParams,
  input: NetInputLike,
): { boxes: T[]; scores: T[] } {
  // Each step's result replaces the one before, which is released at once (tf.tidy would keep
  // a layer's two intermediate maps until its end).
  const chain = (x: T, ...steps: ((t: T) => T)[]) =>
    steps.reduce((t, step) => {
      const next = step(t);
      if (t !== x) t.dispose();
      return next;
    }, x);
  const pointwise = (x: T, p: PointwiseParams, s: [number, number]) =>
    chain(
      x,
      (t) => tf.conv2d(t, p.filters, s, 'same'),
      (t) => tf.add(t, p.batch_norm_offset),
      (t) => tf.clipByValue(t, 0, 6),
    );
  const depthwise = (x: T, p: DepthwiseParams, s: [number, number]) =>
    chain(
      x,
      (t) => tf.depthwiseConv2d(t, p.filters, s, 'same'),
      (t) =>
        tf.batchNorm(
          t,
          p.batch_norm_mean,
          p.batch_norm_variance,
          p.batch_norm_offset,
          p.batch_norm_scale,
          EPSILON,
        ),
      (t) => tf.clipByValue(t, 0, 6),
    );
  const conv = (x: T, p: ConvParams) =>
    tf.tidy(() => tf.add(tf.conv2d(x, p.filters, [1, 1], 'same'), p.bias));
  const predict = (x: T, p: BoxPredictorParams) => {
    const batch = x.shape[0] ?? 1;
    return {
      boxes: tf.tidy(() => tf.reshape(conv(x, p.box_encoding_predictor), [batch, -1, 1, 4])),
      classes: tf.tidy(() => tf.reshape(conv(x, p.class_predictor), [batch, -1, 3])),
    };
  };
  const mobilenet = params.mobilenetv1 as unknown as Record<
    string,
    { depthwise_conv: DepthwiseParams; pointwise_conv: PointwiseParams }
  >;
  const prediction = params.prediction_layer as unknown as Record<
    string,
    PointwiseParams & BoxPredictorParams
  >;
  const layer = (name: string) => {
    const p = mobilenet[name];
    if (!p) throw new Error(`SSD parameters lack ${name}`);
    return p;
  };
  const predictionParams = (name: string) => {
    const p = prediction[name];
    if (!p) throw new Error(`SSD parameters lack ${name}`);
    return p;
  };

  // The input, scaled to −1…1 (as face-api: cast, ÷ 127.5, − 1).
  const x = tf.tidy(() =>
    tf.sub(tf.div(tf.cast(input.toBatchTensor(512, false), 'float32'), 127.5), 1),
  );
  let out = pointwise(x, params.mobilenetv1.conv_0, [2, 2]);
  x.dispose();
  let conv11: T | undefined;
  for (let i = 1; i <= 13; i++) {
    const { depthwise_conv: dw, pointwise_conv: pw } = layer(`conv_${i}`);
    const d = depthwise(out, dw, strides(i));
    if (out !== conv11) out.dispose();
    out = pointwise(d, pw, [1, 1]);
    d.dispose();
    if (i === 11) conv11 = out;
  }
  if (!conv11) throw new Error('mobileNetV1 - output of conv layer 11 is null');

  // The prediction layer: each feature map feeds its box predictor, then is released.
  const predictions = [predict(conv11, predictionParams('box_predictor_0'))];
  conv11.dispose();
  predictions.push(predict(out, predictionParams('box_predictor_1')));
  let feature = out;
  for (let k = 0; k < 4; k++) {
    const wide = pointwise(feature, predictionParams(`conv_${2 * k}`), [1, 1]);
    feature.dispose();
    feature = pointwise(wide, predictionParams(`conv_${2 * k + 1}`), [2, 2]);
    wide.dispose();
    predictions.push(predict(feature, predictionParams(`box_predictor_${k + 2}`)));
  }
  feature.dispose();
  const boxPredictions = tf.concat(
    predictions.map((p) => p.boxes),
    1,
  );
  const classPredictions = tf.concat(
    predictions.map((p) => p.classes),
    1,
  );
  for (const p of predictions) {
    p.boxes.dispose();
    p.classes.dispose();
  }
  try {
    return outputLayer(tf, boxPredictions, classPredictions, params.output_layer.extra_dim);
  } finally {
    boxPredictions.dispose();
    classPredictions.dispose();
  }
}

/** face-api's outputLayer (ssdMobilenetv1/outputLayer.ts), unchanged: small tensors. */
function outputLayer(
  tf: LeanTf,
  boxPredictions: T,
  classPredictions: T,
  extraDim: T,
): { boxes: T[]; scores: T[] } {
  return tf.tidy(() => {
    const batchSize = boxPredictions.shape[0] ?? 1;
    const corners = (x: T) => {
      const vec = tf.unstack(tf.transpose(x, [1, 0]));
      const at = (i: number) => {
        const v = vec[i];
        if (!v) throw new Error('box tensor of the wrong shape');
        return v;
      };
      return at;
    };
    const anchors = corners(tf.reshape(tf.tile(extraDim, [batchSize, 1, 1]), [-1, 4]));
    const sizes = [tf.sub(anchors(2), anchors(0)), tf.sub(anchors(3), anchors(1))] as const;
    const half = (t: T) => tf.div(t, 2);
    const centers = [
      tf.add(anchors(0), half(sizes[0])),
      tf.add(anchors(1), half(sizes[1])),
    ] as const;
    const encoded = corners(tf.reshape(boxPredictions, [-1, 4]));
    const div0 = tf.div(tf.mul(tf.exp(tf.div(encoded(2), 5)), sizes[0]), 2);
    const add0 = tf.add(tf.mul(tf.div(encoded(0), 10), sizes[0]), centers[0]);
    const div1 = tf.div(tf.mul(tf.exp(tf.div(encoded(3), 5)), sizes[1]), 2);
    const add1 = tf.add(tf.mul(tf.div(encoded(1), 10), sizes[1]), centers[1]);
    let boxes = tf.transpose(
      tf.stack([tf.sub(add0, div0), tf.sub(add1, div1), tf.add(add0, div0), tf.add(add1, div1)]),
      [1, 0],
    );
    boxes = tf.reshape(boxes, [batchSize, (boxes.shape[0] ?? 0) / batchSize, 4]);
    const scoresAndClasses = tf.sigmoid(tf.slice(classPredictions, [0, 0, 1], [-1, -1, -1]));
    let scores = tf.slice(scoresAndClasses, [0, 0, 0], [-1, -1, 1]);
    scores = tf.reshape(scores, [batchSize, scores.shape[1] ?? 0]);
    return { boxes: tf.unstack(boxes), scores: tf.unstack(scores) };
  });
}
