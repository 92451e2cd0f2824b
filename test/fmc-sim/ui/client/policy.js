// The health policy editor's own script (classic script, inlined by ui/pages/policy.ts): the On/Off label
// follows its switch, as in the FMC, so the text reads "Enabled Off" once the admin turns a module off.
for (const input of document.querySelectorAll('input[role="switch"]')) {
  input.addEventListener('change', () => {
    const state = input.parentElement.querySelector('.switch__state');
    if (state) state.textContent = input.checked ? 'On' : 'Off';
  });
}
