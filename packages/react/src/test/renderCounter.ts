/**
 * Counts the renders of function components by name, through the hook React's developer tools
 * use (`__REACT_DEVTOOLS_GLOBAL_HOOK__`): after each commit it walks the fibers that commit
 * worked on. Import it before anything imports `react-dom`.
 */

interface Fiber {
  type: unknown
  flags: number
  alternate: Fiber | null
  child: Fiber | null
  sibling: Fiber | null
  memoizedProps: unknown
}

// React's `PerformedWork` flag: the component's function ran in this render.
const PERFORMED_WORK = 1

/** One render of a counted component: its name and its props. */
export interface CountedRender {
  name: string
  props: Record<string, unknown>
}

const renders: CountedRender[] = []
let counted: ReadonlySet<string> = new Set()

const nameOf = (type: unknown): string | undefined =>
  typeof type === 'function' ? (type as { name?: string }).name : undefined

function walk(fiber: Fiber) {
  const name = nameOf(fiber.type)
  if (name && counted.has(name) && (!fiber.alternate || fiber.flags & PERFORMED_WORK))
    renders.push({ name, props: fiber.memoizedProps as Record<string, unknown> })
  // A subtree React skipped keeps the same child fibers as before the commit.
  if (fiber.alternate && fiber.alternate.child === fiber.child) return
  for (let child = fiber.child; child; child = child.sibling) walk(child)
}

;(globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => {},
  onScheduleFiberRoot: () => {},
  onCommitFiberRoot: (_id: number, root: { current: Fiber }) => walk(root.current),
  onCommitFiberUnmount: () => {},
  onPostCommitFiberRoot: () => {},
}

/**
 * Starts counting the renders of the components with these function names; answers a function
 * that stops and answers the renders counted since.
 */
export function countRenders(...names: string[]): () => CountedRender[] {
  renders.length = 0
  counted = new Set(names)
  return () => {
    counted = new Set()
    return renders.splice(0)
  }
}
