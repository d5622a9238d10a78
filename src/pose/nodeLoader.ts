// Node-only: builds tf.io.IOHandlers from the files in models/ (there is no file loader in Node without
// tfjs-node, which cannot be installed here). BlazePose needs `signature`, or it fails with
// "The output 'ld_3d' is not found" (see ../shared/NOTES.md).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { ModelLoader } from './createPoseSource';

export function nodeModelLoader(modelsDir: string): ModelLoader {
  return (jsonFile) => {
    const jsonPath = join(modelsDir, jsonFile);
    const binPath = jsonPath.replace(/\.json$/, '.bin');
    for (const f of [jsonPath, binPath]) {
      if (!existsSync(f)) throw new Error(`model file ${f} is missing: run \`npm run models\``);
    }
    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
      modelTopology: object;
      format?: string;
      generatedBy?: string;
      convertedBy?: string;
      signature?: object;
      weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
    };
    const bin = readFileSync(binPath);
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    return tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((m) => m.weights),
      weightData,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
    });
  };
}
