// The floor for any Node client of GET /sync: start Node, one fetch, print the JSON. `list --json`
// is compared with this, run by run, against the same server.
const [base, limit = '25'] = process.argv.slice(2);
const response = await fetch(`${base}/sync?limit=${limit}&offset=0`, {headers: {api_key: process.env.ROOTFI_API_KEY ?? 'bench'}});
process.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`);
