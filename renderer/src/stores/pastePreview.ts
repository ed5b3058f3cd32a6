/** A paste from a spreadsheet that holds codes the plan does not know, waiting for the user's word. */
import { create } from 'zustand';
import type { PastedBlock } from '../lib/pasteText';

interface PastePreviewState {
  pending: PastedBlock | null;
  show(p: PastedBlock): void;
  close(): void;
}

export const usePastePreview = create<PastePreviewState>((set) => ({
  pending: null,
  show: (pending) => set({ pending }),
  close: () => set({ pending: null }),
}));
