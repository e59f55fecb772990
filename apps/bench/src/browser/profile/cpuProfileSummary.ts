/**
 * The functions that took the most time of their own in a CPU profile of Chrome's format, as
 * DevTools' "bottom-up" view lists them.
 */

/** The parts of `Profiler.Profile` read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
}

/** One line of the summary. */
export interface SelfTime {
  /** `name file:line`, the file without its directory. */
  function: string
  /** Time in the function itself (ms). */
  ms: number
  /** Share of the profile's time. */
  share: number
}

/** The `top` functions by self time, largest first, and the profile's JavaScript time (ms). */
export function selfTimes(profile: CpuProfile, top = 25): { total: number; functions: SelfTime[] } {
  const nameOf = new Map(
    profile.nodes.map((node) => {
      const { functionName, url, lineNumber } = node.callFrame
      const file = url.split('/').pop() ?? ''
      return [node.id, `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`]
    }),
  )
  const byFunction = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0
    const name = nameOf.get(id) ?? '(unknown)'
    // Time outside JavaScript (waiting for frames, rendering) is not a function's.
    if (name.startsWith('(program)') || name.startsWith('(idle)')) return
    total += micros
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros)
  })
  const functions = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ function: name, ms: micros / 1000, share: micros / total }))
  return { total: total / 1000, functions }
}
