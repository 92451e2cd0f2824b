import { render } from 'preact';
import { localizeDocument } from '../../components/common/document';
import { Popup } from '../../components/popup/Popup';

localizeDocument('popupTitle');
render(<Popup />, document.getElementById('app') as HTMLElement);
