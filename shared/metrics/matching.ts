/**
 * Maximum bipartite matching (Hopcroft–Karp): left vertices 0 … adj.length−1, right vertices
 * 0 … nRight−1, `adj[u]` the right vertices left vertex u may be matched to. O(E √V).
 * Used by the capacity lower bound (capacity.ts): demanded shifts of a day (left) to the people
 * free to take them (right).
 *
 * Exported: `maxBipartiteMatching(adj, nRight) → { size, matchOfLeft, matchOfRight }`
 * (−1 = unmatched).
 */

export interface Matching {
  size: number;
  matchOfLeft: number[];
  matchOfRight: number[];
}

const INF = Number.MAX_SAFE_INTEGER;

export function maxBipartiteMatching(adj: readonly (readonly number[])[], nRight: number): Matching {
  const nLeft = adj.length;
  const matchOfLeft = new Array<number>(nLeft).fill(-1);
  const matchOfRight = new Array<number>(nRight).fill(-1);
  const dist = new Array<number>(nLeft).fill(INF);

  function bfs(): boolean {
    const queue: number[] = [];
    for (let u = 0; u < nLeft; u++) {
      if (matchOfLeft[u] === -1) {
        dist[u] = 0;
        queue.push(u);
      } else dist[u] = INF;
    }
    let found = false;
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      for (const v of adj[u]) {
        const w = matchOfRight[v];
        if (w === -1) found = true;
        else if (dist[w] === INF) {
          dist[w] = dist[u] + 1;
          queue.push(w);
        }
      }
    }
    return found;
  }

  // Iterative DFS along the BFS layers (no recursion depth limit on large days).
  function dfs(root: number): boolean {
    const stack: { u: number; i: number }[] = [{ u: root, i: 0 }];
    const path: number[] = []; // right vertices chosen along the stack
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const { u } = top;
      if (top.i >= adj[u].length) {
        dist[u] = INF; // dead end in this phase
        stack.pop();
        path.pop();
        continue;
      }
      const v = adj[u][top.i++];
      const w = matchOfRight[v];
      if (w === -1) {
        path.push(v);
        // Augment along the stack: stack[j].u takes path[j].
        for (let j = 0; j < stack.length; j++) {
          matchOfLeft[stack[j].u] = path[j];
          matchOfRight[path[j]] = stack[j].u;
        }
        return true;
      }
      if (dist[w] === dist[u] + 1) {
        path.push(v);
        stack.push({ u: w, i: 0 });
      }
    }
    return false;
  }

  let size = 0;
  while (bfs()) {
    for (let u = 0; u < nLeft; u++) if (matchOfLeft[u] === -1 && dfs(u)) size++;
  }
  return { size, matchOfLeft, matchOfRight };
}
