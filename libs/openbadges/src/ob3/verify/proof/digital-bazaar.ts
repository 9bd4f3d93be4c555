/**
 * The Digital Bazaar stack, loaded once with a native `import()` (ES modules; decision 0027). The
 * verifier never does cryptography itself: these libraries do, with our document loader.
 */
export interface DigitalBazaar {
  vc: typeof import('@digitalbazaar/vc');
  DataIntegrityProof: typeof import('@digitalbazaar/data-integrity').DataIntegrityProof;
  eddsaRdfc2022: typeof import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite').cryptosuite;
  Ed25519Signature2020: typeof import('@digitalbazaar/ed25519-signature-2020').Ed25519Signature2020;
  Ed25519Multikey: typeof import('@digitalbazaar/ed25519-multikey');
  Bitstring: typeof import('@digitalbazaar/bitstring').Bitstring;
  AssertionProofPurpose: (typeof import('jsonld-signatures'))['default']['purposes']['AssertionProofPurpose'];
}

let loading: Promise<DigitalBazaar> | undefined;

export function digitalBazaar(): Promise<DigitalBazaar> {
  loading ??= (async () => {
    // One after the other: jest's ES module loader (the specs) cannot link modules that share
    // dependencies when they are imported concurrently; at run time the order costs nothing.
    const vc = await import('@digitalbazaar/vc');
    const dataIntegrity = await import('@digitalbazaar/data-integrity');
    const eddsa = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
    const ed2020 = await import('@digitalbazaar/ed25519-signature-2020');
    const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
    const bitstring = await import('@digitalbazaar/bitstring');
    const jsigs = await import('jsonld-signatures');
    return {
      vc,
      DataIntegrityProof: dataIntegrity.DataIntegrityProof,
      eddsaRdfc2022: eddsa.cryptosuite,
      Ed25519Signature2020: ed2020.Ed25519Signature2020,
      Ed25519Multikey,
      Bitstring: bitstring.Bitstring,
      AssertionProofPurpose: jsigs.default.purposes.AssertionProofPurpose,
    };
  })().catch((error: unknown) => {
    // A failed load is a broken deployment, not a bad badge: the next verification tries again.
    loading = undefined;
    throw error;
  });
  return loading;
}
