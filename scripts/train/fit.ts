/** Logistic regression by full-batch gradient descent: deterministic, so the same data gives the same weights. */

export interface FitOptions {
  /** L2 penalty on the weights (not the bias); defaults to 1e-3 */
  l2: number
  /** passes over the data; defaults to 3000 */
  epochs: number
  /** step size; defaults to 0.5 */
  rate: number
}
export const fitDefaults: FitOptions = { l2: 1e-3, epochs: 3000, rate: 0.5 }

export interface Fitted {
  weights: number[]
  bias: number
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

export function predict(model: Fitted, x: number[]): number {
  let z = model.bias
  for (let j = 0; j < x.length; j++) z += model.weights[j]! * x[j]!
  return sigmoid(z)
}

export function fitLogistic(
  xs: number[][],
  ys: number[],
  options: Partial<FitOptions> = {},
  /** each row's weight; defaults to 1 */
  ws?: number[],
): Fitted {
  const { l2, epochs, rate } = { ...fitDefaults, ...options }
  const n = xs.length
  const total = ws ? ws.reduce((a, b) => a + b, 0) : n
  const d = xs[0]?.length ?? 0
  const w = new Array<number>(d).fill(0)
  let b = 0
  // adaptive moment steps keep full-batch descent quick on features of different scales; no randomness anywhere
  const m = new Array<number>(d + 1).fill(0)
  const v = new Array<number>(d + 1).fill(0)
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8]
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = new Array<number>(d + 1).fill(0)
    for (let i = 0; i < n; i++) {
      const x = xs[i]!
      let z = b
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!
      const err = (sigmoid(z) - ys[i]!) * (ws?.[i] ?? 1)
      for (let j = 0; j < d; j++) grad[j]! += err * x[j]!
      grad[d]! += err
    }
    for (let j = 0; j <= d; j++) {
      let g = grad[j]! / total
      if (j < d) g += l2 * w[j]!
      m[j] = beta1 * m[j]! + (1 - beta1) * g
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g
      const mh = m[j]! / (1 - beta1 ** epoch)
      const vh = v[j]! / (1 - beta2 ** epoch)
      const step = (rate * 0.02 * mh) / (Math.sqrt(vh) + eps)
      if (j < d) w[j]! -= step
      else b -= step
    }
  }
  return { weights: w, bias: b }
}

/** mean log loss, to report how well the model fits */
export function logLoss(model: Fitted, xs: number[][], ys: number[]): number {
  let sum = 0
  for (let i = 0; i < xs.length; i++) {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, predict(model, xs[i]!)))
    sum += ys[i] ? -Math.log(p) : -Math.log(1 - p)
  }
  return sum / (xs.length || 1)
}
