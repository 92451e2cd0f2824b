import { render } from 'preact';
import { localizeDocument } from '../../components/common/document';
import { bundleMessages } from '../../components/i18n';
import { Popup } from '../../components/popup/Popup';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

// Before the first message: see `bundleMessages`.
bundleMessages({ en, fr });
localizeDocument('popupTitle');
render(<Popup />, document.getElementById('app') as HTMLElement);
