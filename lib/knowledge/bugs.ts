/** The public page of a Cisco bug (Bug Search Tool). Small on its own: the hint bundles it. */
export function bugUrl(id: string): string {
  return `https://bst.cloudapps.cisco.com/bugsearch/bug/${encodeURIComponent(id)}`;
}
